package org.claimdesk.article.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The small named rules that the extractor's verbal cues are built from, one at a time. */
class CueRulesTest {

    private static List<Token> words(String sentence) {
        return Token.tokenize(sentence, 0, sentence.length());
    }

    private static int at(List<Token> t, String word) {
        for (int k = 0; k < t.size(); k++) {
            if (t.get(k).text().equals(word)) {
                return k;
            }
        }
        throw new AssertionError(word + " not in " + t);
    }

    private static boolean canBeCue(String sentence, String cue) {
        List<Token> t = words(sentence);
        int i = at(t, cue);
        return Extractor.canBeCue(t, i, Cues.weight(t.get(i).lower()));
    }

    @Test
    void aVerbOfSayingAfterItsSubjectCanBeACue() {
        assertTrue(canBeCue("KCNA reported that the leader visited.", "reported"));
    }

    @Test
    void aNounAfterADeterminerOrAPassiveWithToIsNoCue() {
        assertFalse(canBeCue("He read the reports on Monday.", "reports"));
        assertFalse(canBeCue("He is expected to win.", "expected"));
        assertFalse(canBeCue("The plan was reported by the paper.", "reported"));
        assertFalse(canBeCue("Voters in 30 states went to the polls.", "states"));
    }

    @Test
    void subjectEndSkipsAuxiliariesAndStopsAtANegation() {
        List<Token> t = words("Japan has also said it will act.");
        assertEquals(at(t, "Japan"), Extractor.subjectEnd(t, at(t, "said")));
        List<Token> negated = words("Japan did not mention the deal.");
        assertTrue(Extractor.subjectEnd(negated, at(negated, "mention")) < -1);
    }

    @Test
    void aNounLikeCueNeedsASubject() {
        List<Token> t = words("Officials claim the deal is done.");
        assertFalse(Extractor.nounWithoutSubject(t, at(t, "claim"), Extractor.subjectEnd(t, at(t, "claim"))));
        List<Token> noun = words("He was angry at reports of the deal.");
        assertTrue(Extractor.nounWithoutSubject(noun, at(noun, "reports"), Extractor.subjectEnd(noun,
                at(noun, "reports"))));
    }

    @Test
    void aParticleBelongsToTheCue() {
        List<Token> t = words("She pointed out that it failed.");
        assertEquals(at(t, "that"), Extractor.afterCue(t, at(t, "pointed")));
    }

    @Test
    void theSourceTakesInAnApposition() {
        List<Token> t = words("Sanders, a senator from Vermont, said the plan would fail.");
        int i = at(t, "said");
        Extractor.Phrase source = Extractor.source(t, i, Extractor.subjectEnd(t, i), Extractor.afterCue(t, i));
        assertEquals(0, source.start());
        assertEquals("Vermont", t.get(source.end()).text());
    }
}
