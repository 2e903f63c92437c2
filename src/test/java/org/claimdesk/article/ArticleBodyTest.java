package org.claimdesk.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArticleBodyTest {

    @Test
    void offsetsOfTheTextAsSentPointAtTheSameWordsOfTheStoredText() {
        String sent = "\r\n  First line.\r\nSecond line, said the minister.\r\n\r\nThird.\r\n";
        ArticleBody body = ArticleBody.of(sent);
        assertEquals("First line.\nSecond line, said the minister.\n\nThird.", body.text());
        for (String words : new String[] { "First", "said the minister", "Third." }) {
            int start = sent.indexOf(words);
            assertEquals(words, body.text().substring(body.offset(start), body.offset(start + words.length())));
        }
        assertEquals(0, body.offset(0), "the stripped start falls on the first word");
        assertEquals(body.text().length(), body.offset(sent.length()), "and the end on the last");
    }

    @Test
    void aTextWithNothingToNormaliseKeepsItsOffsets() {
        ArticleBody body = ArticleBody.of("KCNA said so.\nIt did.");
        assertEquals("KCNA said so.\nIt did.", body.text());
        assertEquals(5, body.offset(5));
        assertEquals(21, body.offset(21));
    }
}
