package org.claimdesk.article.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private static List<String> sentences(String text) {
        return SentenceSplitter.split(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Test
    void titlesAndInitialsDoNotEndASentence() {
        assertEquals(List.of("Mr. Smith met Dr. Jones and John F. Kennedy Jr. in Washington.", "They talked."),
                sentences("Mr. Smith met Dr. Jones and John F. Kennedy Jr. in Washington. They talked."));
    }

    @Test
    void abbreviationsAndNumbersStayInOneSentence() {
        assertEquals(List.of("The U.S. economy grew 3.5 percent, e.g. in Calif. and N.Y., with 15,000 new jobs.",
                "Prices fell."), sentences("The U.S. economy grew 3.5 percent, e.g. in Calif. and N.Y., with 15,000"
                        + " new jobs. Prices fell."));
    }

    @Test
    void aClosingQuoteStaysWithItsSentence() {
        assertEquals(List.of("\"We will win.\"", "He left.", "\"Is it over?\" she asked.", "“Yes.”", "No."),
                sentences("\"We will win.\" He left. \"Is it over?\" she asked. “Yes.” No."));
    }

    @Test
    void lineBreaksEndSentencesAndBlankLinesAreSkipped() {
        String text = "A headline without a stop\n\nFirst paragraph. Second sentence!\nNext line";
        assertEquals(List.of("A headline without a stop", "First paragraph.", "Second sentence!", "Next line"),
                sentences(text));
        assertEquals(text.indexOf("First"), SentenceSplitter.split(text).get(1).start());
    }

    @Test
    void aLowerCaseWordAfterAStopContinuesTheSentence() {
        assertEquals(List.of("It cost approx. five dollars, i.e. nothing."),
                sentences("It cost approx. five dollars, i.e. nothing."));
    }
}
