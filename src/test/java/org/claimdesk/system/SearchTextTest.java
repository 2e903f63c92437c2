package org.claimdesk.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How typed searches become the text the V13 query reads. */
class SearchTextTest {

    @Test
    void aKoreanWordBecomesThePhraseOfItsLetterPairs() {
        assertEquals("\"북한\"", SearchText.query("북한"));
        assertEquals("\"북한 한은\" missiles", SearchText.query("북한은 missiles"));
        assertEquals("-\"미사 사일\" \"北朝 朝鮮\"", SearchText.query("-미사일 北朝鮮"));
    }

    @Test
    void insideAQuotedPhraseThePairsJoinThatPhrase() {
        assertEquals("\"Kim said 북한 한은\"", SearchText.query("\"Kim said 북한은\""));
    }

    @Test
    void aSingleLetterStaysItselfAndOtherScriptsAreLeftAsTyped() {
        assertEquals("\"中\"", SearchText.query("中"));
        assertEquals("Путин Müller قال", SearchText.query("Путин Müller قال"));
    }

    @Test
    void digitGroupsAreJoinedAsTheIndexHoldsThem() {
        assertEquals("15000 workers", SearchText.query("15,000 workers"));
    }
}
