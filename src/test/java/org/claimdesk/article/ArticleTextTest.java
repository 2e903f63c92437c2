package org.claimdesk.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.Collectors;

import org.claimdesk.article.ArticleText.Quote;
import org.claimdesk.article.ArticleText.Segment;
import org.claimdesk.claim.ClaimStatus;
import org.junit.jupiter.api.Test;

class ArticleTextTest {

    private static final String BODY = "Alpha said one. Beta said two. Gamma said three.";

    private static Quote quote(long claimId, int start, int end) {
        return new Quote(claimId, start, end, "claim " + claimId, ClaimStatus.unverified);
    }

    /** Each segment as text:linkedClaim:endingClaims, with "-" outside every quote. */
    private static String describe(List<Segment> segments) {
        return segments.stream().map(s -> s.text() + ":" + (s.mark() == null ? "-" : s.mark().claimId()) + ":"
                + s.ends().stream().map(m -> String.valueOf(m.claimId())).collect(Collectors.joining(",")))
                .collect(Collectors.joining("|"));
    }

    @Test
    void aTextWithoutQuotesIsOneUnmarkedSegment() {
        List<Segment> segments = ArticleText.segments(BODY, List.of());
        assertEquals(1, segments.size());
        assertEquals(BODY, segments.get(0).text());
        assertNull(segments.get(0).mark());
    }

    @Test
    void separateQuotesAreMarkedInTextOrderAndTheSegmentsRebuildTheText() {
        List<Segment> segments = ArticleText.segments(BODY, List.of(quote(7, 16, 30), quote(3, 0, 15)));
        assertEquals("Alpha said one.:3:3| :-:|Beta said two.:7:7| Gamma said three.:-:", describe(segments));
        assertEquals(1, segments.get(0).mark().number(), "the first quote in the text is number 1");
        assertEquals(2, segments.get(2).mark().number());
        assertEquals(BODY, segments.stream().map(Segment::text).collect(Collectors.joining()));
    }

    @Test
    void aQuoteInsideAnotherLinksToTheInnerClaimAndBothStayReachable() {
        List<Segment> segments = ArticleText.segments(BODY, List.of(quote(1, 0, 30), quote(2, 16, 20)));
        assertEquals("Alpha said one. :1:|Beta:2:2| said two.:1:1| Gamma said three.:-:", describe(segments));
        assertEquals(2, segments.get(1).quotes(), "the inner run is covered by both quotes");
    }

    @Test
    void identicalRangesShareTheMarkAndEachGetsItsNumber() {
        List<Segment> segments = ArticleText.segments(BODY, List.of(quote(5, 0, 15), quote(4, 0, 15)));
        assertEquals("Alpha said one.:4:4,5| Beta said two. Gamma said three.:-:", describe(segments));
        assertEquals(List.of(1, 2), segments.get(0).ends().stream().map(ArticleText.Mark::number).toList());
    }

    @Test
    void crossingQuotesAreCutWhereTheyMeet() {
        List<Segment> segments = ArticleText.segments(BODY, List.of(quote(1, 0, 20), quote(2, 11, 30)));
        assertEquals("Alpha said :1:|one. Beta:2:1| said two.:2:2| Gamma said three.:-:", describe(segments));
    }

    @Test
    void aRangeOutsideTheTextIsLeftOut() {
        List<Segment> segments = ArticleText.segments("Short.", List.of(quote(1, 2, 99), quote(2, 3, 3)));
        assertEquals("Short.:-:", describe(segments));
    }
}
