package org.claimdesk.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class QuoteLocatorTest {

    private static final String BODY = "North Korea's official news agency said so.\nThe \"fighting efficiency\" of his\n"
            + "armed forces was crucial.";

    @Test
    void anExactQuoteIsFoundWhereItIs() {
        assertEquals(new QuoteLocator.Found(0, 11), QuoteLocator.find(BODY, "North Korea"));
    }

    @Test
    void curlyQuotesAndLineBreaksInAPasteStillFindThePrintedWords() {
        QuoteLocator.Found found = QuoteLocator.find(BODY, "North Korea’s official news agency");
        assertEquals("North Korea's official news agency", BODY.substring(found.start(), found.end()));
        found = QuoteLocator.find(BODY, "The “fighting efficiency” of his armed forces");
        assertEquals("The \"fighting efficiency\" of his\narmed forces", BODY.substring(found.start(), found.end()));
    }

    @Test
    void aQuoteThatIsNotThereIsNotFound() {
        assertNull(QuoteLocator.find(BODY, "South Korea's agency"));
        assertNull(QuoteLocator.find(BODY, "   "));
    }
}
