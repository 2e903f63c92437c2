package org.claimdesk.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.claimdesk.claim.Claim;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.Browser;
import org.claimdesk.support.DeskData;
import org.claimdesk.support.NeedsTool;
import org.claimdesk.support.Tools;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A new reviewer at the keyboard alone, as the "done when" asks: log in, open the queue, decide three claims,
 * log out. Only keys are sent (Tab, Enter, letters), never a click; once with the shortcuts, once with JavaScript off.
 */
@QuarkusTest
@NeedsTool(Tools.Tool.BROWSER)
class KeyboardReviewInBrowserTest {

    @Test
    void aReviewerDecidesThreeQueuedClaimsWithShortcutsAndNoMouse() {
        String me = Accounts.create(Role.reviewer);
        List<Long> queue = queue(me, "shortcut");
        try (Browser browser = Browser.open()) {
            logIn(browser, me);
            browser.tabTo("claims assigned to you");
            assertTrue(browser.focusIsVisible(), "the focused link shows it");
            browser.pressAndWait(Keys.ENTER);
            assertTrue(browser.path().startsWith("/claims?"), browser.path());

            // ? opens the help, Escape closes it; / goes to the search box
            browser.press("?");
            assertTrue(browser.waitFor("#shortcuts").getText().contains("Next and previous claim"));
            browser.press(Keys.ESCAPE);
            browser.waitUntil(d -> !browser.find("#shortcuts").isDisplayed());
            browser.press("/");
            assertEquals("q", browser.focused().getAttribute("id"));
            browser.press(Keys.ESCAPE);

            // j chooses the first claim of the queue, v opens its decision form set to verified
            browser.press("j");
            assertTrue(browser.focused().getText().contains("shortcut claim"), browser.focused().getText());
            assertTrue(browser.focusIsVisible(), "the chosen claim shows it");
            browser.pressAndWait("v");
            assertEquals("rationale", browser.focused().getAttribute("id"));
            assertTrue(browser.find("input[name=status][value=verified]").isSelected());
            browser.press("Checked against the ministry's own release.");
            browser.pressWith(Keys.CONTROL, Keys.ENTER);
            browser.waitForText("#decide-body .flash-notice", "Recorded your decision: Verified.");

            // j opens the next claim of the queue; d sets disputed; Tab to the button and Enter record it
            browser.pressAndWait("j");
            browser.press("d");
            browser.press("The photos are from another year.");
            browser.tabTo("Record decision");
            browser.press(Keys.ENTER);
            browser.waitForText("#decide-body .flash-notice", "Recorded your decision: Disputed.");

            browser.pressAndWait("j");
            browser.press("e");
            browser.waitUntil(d -> browser.path().endsWith("/edit"));
            browser.driver().navigate().back();
            browser.waitFor("#verdict");
            browser.press("v");
            browser.press("Two independent sources agree.");
            browser.pressWith(Keys.CONTROL, Keys.ENTER);
            browser.waitForText("#decide-body .flash-notice", "Recorded your decision: Verified.");
            browser.press("j");
            browser.waitForText("#kbd-status", "last claim");

            logOut(browser);
            assertEquals(List.of("verified", "disputed", "verified"), statuses(queue));
            assertEquals(List.of(), browser.consoleErrors(), "no script or style refused by the CSP, no errors");
        }
    }

    @Test
    void withJavaScriptOffTabAndEnterAloneDecideThreeClaims() {
        String me = Accounts.create(Role.reviewer);
        List<Long> queue = queue(me, "plain");
        try (Browser browser = Browser.withoutJavaScript()) {
            logIn(browser, me);
            for (int i = 0; i < 3; i++) {
                browser.tabTo("claims assigned to you");
                browser.pressAndWait(Keys.ENTER);
                browser.tabTo("plain claim " + i);
                browser.pressAndWait(Keys.ENTER);
                browser.tabTo("verified"); // Tab enters the status radio buttons, arrows move between them
                browser.press(Keys.ARROW_DOWN);
                assertTrue(browser.find("input[name=status][value=disputed]").isSelected());
                browser.press(Keys.TAB, "Refuted by the record, case " + i + ".");
                browser.tabTo("Record decision");
                browser.pressAndWait(Keys.ENTER);
                assertTrue(browser.text(".flash").contains("Recorded your decision: Disputed."));
                browser.tabTo("Dashboard", true);
                browser.pressAndWait(Keys.ENTER);
            }
            logOut(browser);
            assertEquals(List.of("disputed", "disputed", "disputed"), statuses(queue));
        }
    }

    /** Three unverified claims assigned to {@code reviewer}, oldest first as the queue shows them. */
    private static List<Long> queue(String reviewer, String word) {
        Source source = DeskData.source("Keyboard ministry", SourceKind.government);
        return List.of(0, 1, 2).stream().map(i -> {
            Claim claim = DeskData.claim(source, "The " + word + " claim " + i + " about shells.",
                    org.claimdesk.claim.ClaimStatus.unverified, reviewer);
            return claim.id;
        }).toList();
    }

    private static void logIn(Browser browser, String username) {
        browser.go("/login");
        browser.press(username, Keys.TAB, Accounts.PASSWORD);
        browser.pressAndWait(Keys.ENTER);
        assertEquals("/", browser.path());
    }

    private static void logOut(Browser browser) {
        browser.tabTo("Log out");
        browser.pressAndWait(Keys.ENTER);
        assertTrue(browser.text("main").contains("You have logged out."));
    }

    private static List<String> statuses(List<Long> ids) {
        return ids.stream().map(id -> DeskData.strings("select status from claim where id = ?1", id).get(0)).toList();
    }
}
