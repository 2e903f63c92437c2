package org.claimdesk.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.claimdesk.generate.DeskGenerator.Body;
import org.junit.jupiter.api.Test;

class DeskGeneratorTest {

    @Test
    void eachSentenceOfABodyStandsAtItsRangeWithAParagraphBreakAfterEveryThird() {
        String[] sentences = { "One said so.", "Two said that.", "Three, too.", "Four disagreed.", "Five?" };
        Body body = Body.of(sentences);
        assertEquals("One said so. Two said that. Three, too.\n\nFour disagreed. Five?", body.text());
        assertEquals(sentences.length, body.sentences());
        for (int s = 0; s < sentences.length; s++) {
            assertEquals(sentences[s], body.text().substring(body.start(s), body.end(s)));
        }
    }

    @Test
    void decisionsFollowInOrderAndNeverPassNow() {
        Random random = new Random(7);
        for (long window : new long[] { 0, 1, 5, 86_400, 60_000_000 }) {
            long now = 1_800_000_000L;
            long at = now - window;
            for (int left = 9; left > 0; left--) {
                long next = DeskGenerator.nextDecision(random, at, now, left);
                assertTrue(next >= at && next <= now, window + ": " + at + " then " + next);
                assertTrue(next > at || at == now, "a decision moves on while there is time left");
                at = next;
            }
        }
    }
}
