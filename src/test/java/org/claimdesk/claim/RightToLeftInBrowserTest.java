package org.claimdesk.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.Browser;
import org.claimdesk.support.DeskData;
import org.claimdesk.support.NeedsTool;
import org.claimdesk.support.Tools;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * In Chromium, an Arabic statement holding direction isolates reads right to left on its claim page, and a source
 * name ending in an unclosed right-to-left override does not reorder the text after it.
 */
@QuarkusTest
@NeedsTool(Tools.Tool.BROWSER)
class RightToLeftInBrowserTest {

    /** The left edge, in CSS pixels, of the characters {@code from} to {@code to} of the element's text. */
    private static final String LEFT = "const el = document.querySelector(arguments[0]);"
            + "const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT); const t = walker.nextNode();"
            + "const r = document.createRange(); r.setStart(t, arguments[1]); r.setEnd(t, arguments[2]);"
            + "return r.getBoundingClientRect().left;";

    private static double left(Browser browser, String css, int from, int to) {
        return ((Number) browser.script(LEFT, css, from, to)).doubleValue();
    }

    @Test
    void anArabicStatementWithIsolatesReadsRightToLeftAndTheTextAfterItKeepsItsOrder() throws Exception {
        String statement = "قال المتحدث \u2067باسم الوزارة\u2069 إن الحكومة لن ترسل قوات";
        Source source = DeskData.source("\u202Bوزارة الخارجية " + System.nanoTime() % 100000 + "\u202E",
                SourceKind.government, null);
        long id = DeskData.claim(source, statement).id;
        String reviewer = Accounts.create(Role.reviewer);
        try (Browser browser = Browser.open()) {
            browser.logIn(reviewer, Accounts.PASSWORD).go("/claims/" + id);
            assertEquals(statement, browser.script("return document.querySelector('#statement bdi').textContent"),
                    "the page holds the statement exactly, isolates included");
            assertEquals("rtl", browser.script("return getComputedStyle(document.querySelector('#statement bdi'))"
                    + ".direction"), "the statement's own direction is right to left");

            int last = statement.lastIndexOf("قوات");
            double firstWord = left(browser, "#statement bdi", 0, 3);
            double lastWord = left(browser, "#statement bdi", last, last + 4);
            assertTrue(firstWord > lastWord, "the first word (قال) stands right of the last (قوات): " + firstWord
                    + " > " + lastWord);

            // the source's kind follows its name in the Source row: "(Government)" must still read left to right
            String kind = "dl.facts dd a[href^='/sources/'] + span.muted";
            String text = (String) browser.script("return document.querySelector(arguments[0]).textContent", kind);
            assertEquals("(Government)", text);
            double open = left(browser, kind, 0, 1);
            double close = left(browser, kind, text.length() - 1, text.length());
            assertTrue(open < close, "the name's unclosed override does not spill: '(' left of ')': " + open + " < "
                    + close);
            double g = left(browser, kind, 1, 2);
            assertTrue(open < g, "and 'G' follows '('");

            Path shot = browser.screenshot("claim-rtl", 700);
            Path docs = Path.of("src/docs/screenshots");
            if (Files.isDirectory(docs)) {
                Files.copy(shot, docs.resolve(shot.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            List.of(shot).forEach(p -> assertTrue(Files.exists(p)));
        }
    }
}
