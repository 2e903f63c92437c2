package org.claimdesk.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.claimdesk.support.Accounts;
import org.claimdesk.support.Browser;
import org.claimdesk.support.DeskData;
import org.claimdesk.support.NeedsTool;
import org.claimdesk.support.Tools;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A reviewer's working session in real Chromium, end to end: log in, import the sample article and accept its
 * claims, decide claims with evidence, meet another reviewer's decision on the same claim (in place with JavaScript,
 * on the conflict page without), search and filter, publish and read the public page logged out, log out. Every step waits for what the page shows, and the database is checked for what was stored.
 */
@QuarkusTest
@NeedsTool(Tools.Tool.BROWSER)
class ReviewScenarioInBrowserTest {

    @Test
    void twoReviewersImportDecideSearchPublishAndLogOut() {
        String alice = Accounts.create(Role.reviewer);
        String bob = Accounts.create(Role.reviewer);

        try (Browser a = Browser.open(); Browser b = Browser.withoutJavaScript()) {
            a.logIn(alice, Accounts.PASSWORD);
            assertTrue(a.text("header").contains(alice));

            // import the sample article and accept the extracted claims as proposed
            String title = Accounts.uniqueName("Shells, imported in Chromium");
            a.go("/articles/new");
            a.find("#title").sendKeys(title);
            a.find("#body").sendKeys(sampleArticle());
            a.submit(a.find("button[name=action][value=extract]"));
            assertTrue(a.title().startsWith("Review"), a.title());
            int candidates = a.all("[data-candidate]").size();
            assertTrue(candidates >= 9, "the sample's claims are proposed: " + candidates);
            a.submit(a.find("button[name=action][value=save]"));
            assertTrue(a.path().matches("/articles/\\d+"), a.path());
            long articleId = Long.parseLong(a.path().replaceAll(".*/", ""));
            List<Long> imported = DeskData.strings("select id from claim where article_id = ?1 order by quote_start, id",
                    articleId).stream().map(Long::valueOf).toList();
            assertTrue(imported.size() >= candidates - 1, "one claim or more per accepted candidate: " + imported);
            long shipped = imported.get(0);
            long doubled = imported.get(1);
            long rail = imported.get(2);

            // verified with evidence: htmx records it in place, the page is not reloaded
            a.go("/claims/" + shipped);
            WebElement page = a.find("html");
            // more evidence rows come in place too, keeping what was typed
            a.find("#rationale").sendKeys("The port's manifest lists the shells.");
            a.find("#evidenceUrl-0").sendKeys("https://example.org/manifest");
            a.find("button[name=more]").click();
            a.waitFor("#evidenceUrl-3");
            assertEquals("https://example.org/manifest", a.find("#evidenceUrl-0").getAttribute("value"));
            a.find("#evidenceTitle-0").sendKeys("Port manifest");
            new Select(a.find("#evidenceStance-0")).selectByValue("supports");
            decide(a, "verified", "The port's manifest lists the shells.", null, null, null);
            a.waitForText("#decide-body .flash-notice", "Recorded your decision: Verified.");
            assertTrue(page.isEnabled(), "the page was not reloaded");
            assertTrue(a.text("#claim-status").contains("Verified"), a.text("#claim-status"));
            String history = a.text("#timeline-list");
            assertTrue(history.contains("The port's manifest lists the shells.") && history.contains("Port manifest"),
                    history);
            assertEquals("verified", status(shipped));
            assertEquals(List.of("https://example.org/manifest|supports"), DeskData.strings("select e.url || '|' || "
                    + "e.stance from evidence e join review r on r.id = e.review_id where r.claim_id = ?1", shipped));

            a.go("/claims/" + doubled);
            decide(a, "disputed", "Output records show no change.", null, null, null);
            a.waitForText("#decide-body .flash-notice", "Recorded your decision: Disputed.");
            assertEquals("disputed", status(doubled));

            // the same claim open in two browsers: Alice (JavaScript) decides first, Bob (none) meets the conflict page
            b.logIn(bob, Accounts.PASSWORD);
            b.go("/claims/" + rail);
            a.go("/claims/" + rail);
            decide(a, "verified", "Rail logs are empty.", null, null, null);
            a.waitForText("#decide-body .flash-notice", "Recorded your decision: Verified.");
            decide(b, "disputed", "A freight photo shows them.", "https://example.org/photo", "Freight photo",
                    "refutes");
            b.submit(b.find("#verdict button.primary"));
            assertEquals("Your decision was not saved", b.text("h1"));
            assertTrue(b.text(".panel").contains("Rail logs are empty."), "Bob sees Alice's decision");
            assertEquals("A freight photo shows them.", b.find("#rationale").getAttribute("value"),
                    "Bob's rationale is kept");
            assertEquals("verified", status(rail), "Alice's decision stands");
            b.submit(b.find("#verdict button.primary"));
            assertTrue(b.text(".flash").contains("Recorded your decision: Disputed."), b.text(".flash"));
            assertTrue(b.text("#claim-status").contains("Disputed"));

            // Alice's page still holds the version she decided on: her next decision is refused in place
            decide(a, "verified", "Still empty after a second look.", null, null, null);
            String conflict = a.waitForText("#decide-body .conflict", "not saved");
            assertTrue(conflict.contains(bob) && conflict.contains("A freight photo shows them."), conflict);
            assertTrue(a.text("#claim-status").contains("Disputed"), "the status shown is brought up to date");
            assertEquals("Still empty after a second look.", a.find("#rationale").getAttribute("value"));
            a.find("#verdict button.primary").click();
            a.waitForText("#decide-body .flash-notice", "Recorded your decision: Verified.");
            assertEquals(List.of("verified|" + alice, "disputed|" + bob, "verified|" + alice), DeskData.strings(
                    "select r.status || '|' || p.username from review r join reviewer p on p.id = r.reviewer_id "
                            + "where r.claim_id = ?1 order by r.id", rail));

            // the imported article's claims: search them, then filter by status
            String word = longestWord(DeskData.strings("select statement from claim where id = ?1", shipped).get(0));
            a.go("/articles/" + articleId);
            a.submit(a.find("a[href='/claims?articleId=" + articleId + "']"));
            a.find("#q").sendKeys(word);
            a.choose("#status", "Verified");
            a.submit(a.find(".filters button.primary"));
            assertTrue(a.path().contains("status=verified") && a.path().contains("q=" + word), a.path());
            assertTrue(shownIds(a).contains(shipped), word + " finds claim " + shipped + ": " + shownIds(a));
            assertTrue(a.all(".claim-row .status").stream().allMatch(e -> e.getText().contains("Verified")));
            a.go("/claims?articleId=" + articleId);
            a.submit(a.find(".status-tabs a[href*='status=disputed']"));
            assertEquals(List.of(doubled), shownIds(a));
            a.submit(a.find(".status-tabs a[href*='status=verified']"));
            assertEquals(List.of(shipped, rail).stream().sorted().toList(), shownIds(a).stream().sorted().toList());

            // publish the verified claim; its public page is read logged out, without JavaScript
            a.go("/claims/" + shipped);
            a.submit(a.find("#publication-panel button.primary"));
            String published = a.find("#publication-panel a[href*='/fact-checks/']").getAttribute("href");
            b.submit(b.find("form[action='/logout'] button"));
            b.driver().get(published);
            String publicPage = b.text("main");
            assertTrue(publicPage.contains(DeskData.strings("select statement from claim where id = ?1", shipped)
                    .get(0)) && publicPage.contains("The port's manifest lists the shells."), publicPage);
            assertTrue(b.all("form[action='/logout']").isEmpty(), "nobody is logged in there");

            a.submit(a.find("form[action='/logout'] button"));
            assertTrue(a.text("main").contains("You have logged out."));
            a.go("/claims/" + rail);
            assertTrue(a.path().startsWith("/login"), a.path());
        }
    }

    /** Fills the decision form (without sending it, except with JavaScript where the button sends it in place). */
    private static void decide(Browser browser, String status, String rationale, String url, String title,
            String stance) {
        browser.find("input[name=status][value=" + status + "]").click();
        WebElement field = browser.find("#rationale");
        field.clear();
        field.sendKeys(rationale);
        if (url != null) {
            browser.find("#evidenceUrl-0").sendKeys(url);
            browser.find("#evidenceTitle-0").sendKeys(title);
            new Select(browser.find("#evidenceStance-0")).selectByValue(stance);
        }
        if (!browser.javascript()) {
            return;
        }
        browser.find("#verdict button.primary").click();
    }

    private static List<Long> shownIds(Browser browser) {
        return browser.all(".claim-row").stream().map(row -> Long.valueOf(row.getAttribute("data-claim"))).toList();
    }

    private static String longestWord(String text) {
        return java.util.Arrays.stream(text.split("[^\\p{L}]+")).max(java.util.Comparator.comparingInt(String::length))
                .orElseThrow();
    }

    /** The sample article as the demo desk ships it, boilerplate and all, to paste into the import page. */
    private static String sampleArticle() {
        try (var in = ReviewScenarioInBrowserTest.class.getResourceAsStream("/org/claimdesk/demo/kcna-shells-article.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String status(long claimId) {
        return DeskData.strings("select status from claim where id = ?1", claimId).get(0);
    }
}
