package org.claimdesk.article;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.claimdesk.claim.ClaimStatus;

/**
 * An article's text cut into runs at the edges of its claims' quotes, so that a page can mark every quoted run as a
 * link to its claim while the text itself stays plain, escaped text. Quotes may overlap: a run inside several quotes
 * links to the shortest of them (the most specific), and each quote's number follows its last run, so that every
 * claim can be reached from the text even when another quote covers it entirely.
 */
public final class ArticleText {

    /** A claim's quote: its character range of the body, start inclusive, end exclusive. */
    public record Quote(long claimId, int start, int end, String statement, ClaimStatus status) {

        int length() {
            return end - start;
        }
    }

    /** A quote as the page shows it, numbered in text order. */
    public record Mark(long claimId, int number, String statement, ClaimStatus status) {
    }

    /**
     * A run of text. {@code mark} is the quote it links to, or null outside every quote; {@code quotes} is how many
     * quotes cover it; {@code ends} are the quotes that end with it.
     */
    public record Segment(String text, Mark mark, int quotes, List<Mark> ends) {

        public boolean isOverlap() {
            return quotes > 1;
        }
    }

    private ArticleText() {
    }

    /** The quotes that fit the body, in text order: by start, then the longer first, then by claim. */
    public static List<Quote> inOrder(String body, List<Quote> quotes) {
        return quotes.stream().filter(q -> q.start() >= 0 && q.end() > q.start() && q.end() <= body.length())
                .sorted(Comparator.comparingInt(Quote::start).thenComparing(Comparator.comparingInt(Quote::end)
                        .reversed()).thenComparingLong(Quote::claimId))
                .toList();
    }

    /**
     * Cuts {@code body} at every quote's start and end. Quotes outside the body (which a later edit could not
     * have made, but old data might hold) are left out; their claims are still listed by the page.
     */
    public static List<Segment> segments(String body, List<Quote> quotes) {
        List<Quote> ordered = inOrder(body, quotes);
        List<Mark> marks = new ArrayList<>();
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, body.length()));
        for (Quote quote : ordered) {
            marks.add(new Mark(quote.claimId(), marks.size() + 1, quote.statement(), quote.status()));
            cuts.add(quote.start());
            cuts.add(quote.end());
        }
        List<Segment> segments = new ArrayList<>();
        Integer from = cuts.first();
        for (Integer to : cuts.tailSet(from, false)) {
            Mark innermost = null;
            int innermostLength = Integer.MAX_VALUE;
            int covering = 0;
            List<Mark> ends = new ArrayList<>();
            for (int i = 0; i < ordered.size(); i++) {
                Quote quote = ordered.get(i);
                if (quote.start() <= from && quote.end() >= to) {
                    covering++;
                    if (quote.length() < innermostLength) {
                        innermost = marks.get(i);
                        innermostLength = quote.length();
                    }
                }
                if (quote.end() == to) {
                    ends.add(marks.get(i));
                }
            }
            segments.add(new Segment(body.substring(from, to), innermost, covering, ends));
            from = to;
        }
        return segments;
    }
}
