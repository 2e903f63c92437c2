package org.claimdesk.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.claimdesk.article.Article;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.Axe;
import org.claimdesk.support.Browser;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.claimdesk.support.NeedsTool;
import org.claimdesk.support.Tools;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every page type in real Chromium, checked by axe-core against the WCAG 2.1 A and AA rules: no serious or critical
 * violation anywhere. Moderate and minor findings are printed, not failed.
 */
@QuarkusTest
@NeedsTool(Tools.Tool.BROWSER)
class AccessibilityInBrowserTest {

    private final Map<String, Axe.Result> results = new LinkedHashMap<>();

    @Test
    void everyPageTypeHasNoSeriousOrCriticalViolation() {
        Source source = DeskData.source("Axe ministry", SourceKind.government);
        String body = "The ministry said that 1,000 shells left the port on Monday. Analysts doubt it.";
        Article article = DeskData.article("Shells leave the port", body, source);
        long claimId = DeskData.claimQuoting(article.id, body.indexOf("1,000"), "1,000 shells left the port", source);
        DeskClient admin = Accounts.logInAsAdmin();
        admin.get("/claims/" + claimId);
        admin.post("/claims/" + claimId + "/verdicts", "version", "0", "status", "disputed", "rationale",
                "Port records show 200.", "evidenceUrl", "https://example.org/port", "evidenceTitle", "Port log",
                "evidenceStance", "refutes", "evidenceNote", "Monday's entries");
        String viewer = Accounts.create(Role.viewer);
        long published = DeskData.claimQuoting(article.id, body.indexOf("Analysts"), "Analysts doubt it", source);
        admin.get("/claims/" + published);
        admin.post("/claims/" + published + "/verdicts", "version", "0", "status", "verified", "rationale",
                "They said so on air.");
        admin.post("/claims/" + published + "/publication");
        String slug = DeskData.strings("select slug from publication where claim_id = ?1", published).get(0);

        try (Browser browser = Browser.open()) {
            check(browser.go("/login"), "login");
            // the check can fail: an unlabelled field and faint text planted in the page are found
            browser.script("document.querySelector('main').insertAdjacentHTML('beforeend', "
                    + "'<input type=\"text\" name=\"planted\"><p id=\"planted\">faint</p>');"
                    + "document.getElementById('planted').style.color = '#ccc';");
            List<String> planted = browser.axe().blocking().stream().map(Axe.Violation::id).toList();
            assertTrue(planted.containsAll(List.of("label", "color-contrast")), planted.toString());

            browser.logIn(Accounts.ADMIN, Accounts.ADMIN_PASSWORD);
            check(browser.go("/"), "dashboard");
            check(browser.go("/claims"), "claims list");
            check(browser.go("/claims?q=shells+port&status=disputed"), "claims search, filtered");
            check(browser.go("/claims/" + claimId), "claim page");
            check(browser.go("/claims/" + claimId + "/edit"), "claim edit");
            check(browser.go("/claims/new"), "new claim");
            check(browser.go("/sources"), "sources list");
            check(browser.go("/sources/" + source.id), "source profile");
            check(browser.go("/sources/new"), "new source");
            check(browser.go("/articles"), "articles list");
            check(browser.go("/articles/" + article.id), "article page");
            check(browser.go("/articles/new"), "import: new article");
            browser.find("#title").sendKeys(Accounts.uniqueName("Axe import"));
            browser.find("#body").sendKeys("The Axe ministry said that 1,000 shells left the port on Monday. "
                    + "Analysts believe the figure is too high.");
            browser.submit(browser.find("button[name=action][value=extract]"));
            check(browser, "import: review of candidates");
            check(browser.go("/admin/accounts"), "admin: accounts");
            check(browser.go("/admin/accounts/new"), "admin: new account");
            check(browser.go("/account"), "my account");
            check(browser.go("/admin/ratings"), "admin: rating mapping");
            check(browser.go("/imports/claimreview"), "ClaimReview import");
            check(browser.go("/claims/987654321"), "error 404");
            check(browser.go("/claims?size=oops"), "error 400");

            browser.go("/claims/" + claimId);
            admin.get("/claims/" + claimId);
            admin.post("/claims/" + claimId + "/verdicts", "version", version(claimId), "status", "verified", "rationale",
                    "Found the ship.");
            browser.find("input[name=status][value=unverified]").click();
            // a plain form submission (no htmx), so that the conflict page itself is checked
            browser.script("HTMLFormElement.prototype.submit.call(document.getElementById('verdict'))");
            browser.waitForText("h1", "not saved");
            check(browser, "decision conflict (409)");

            // the same with JavaScript: htmx shows the conflict inside the claim's page
            browser.go("/claims/" + claimId);
            admin.get("/claims/" + claimId);
            admin.post("/claims/" + claimId + "/verdicts", "version", version(claimId), "status", "disputed", "rationale",
                    "The ship was another one.");
            browser.find("input[name=status][value=unverified]").click();
            browser.find("#verdict button.primary").click();
            browser.waitForText("#decide-body .conflict", "not saved");
            check(browser, "claim page, conflict in place");
            browser.press("?");
            browser.waitFor("#shortcuts");
            check(browser, "keyboard shortcut help");

            browser.go("/");
            browser.submit(browser.find("form[action='/logout'] button"));
            browser.logIn(viewer, Accounts.PASSWORD);
            check(browser.go("/claims/new"), "error 403");

            // the public fact-check pages, logged out
            browser.go("/");
            browser.submit(browser.find("form[action='/logout'] button"));
            check(browser.go("/fact-checks"), "public: fact-checks");
            check(browser.go("/fact-checks/" + slug), "public: one fact-check");
            assertTrue(browser.text("main").contains("They said so on air."), browser.text("main"));
        }

        String report = results.entrySet().stream().map(e -> String.format("%-30s %s", e.getKey(), e.getValue()))
                .collect(Collectors.joining("\n"));
        System.out.println("axe-core " + Axe.WCAG_21_AA + ", per page:\n" + report);
        List<String> blocking = new ArrayList<>();
        results.forEach((page, found) -> found.blocking().forEach(v -> blocking.add(page + ": " + v)));
        assertEquals(List.of(), blocking, "serious or critical WCAG violations");
        assertTrue(results.size() >= 20, "every page type was checked");
        // status is never colour alone, and looks the same on every page: one word, icon and colour per status
        assertEquals(Set.of("verified|✓|word|rgb(27, 107, 58)|rgb(228, 243, 233)",
                "disputed|✗|word|rgb(161, 29, 43)|rgb(251, 230, 232)",
                "unverified|?|word|rgb(122, 77, 0)|rgb(253, 241, 216)"), badges);
    }

    private static String version(long claimId) {
        return Long.toString(DeskData.number("select version from claim where id = ?1", claimId));
    }

    /** Every page's status badges, as "status|icon|word|colour|background", to compare across pages. */
    private final Set<String> badges = new TreeSet<>();

    private void check(Browser browser, String page) {
        results.put(page, browser.axe());
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) browser.script("""
                return [...document.querySelectorAll('.status')].filter(b => b.offsetParent !== null).map(b => {
                  const s = getComputedStyle(b);
                  const status = [...b.classList].find(c => c.startsWith('status-')).substring(7);
                  const text = b.textContent.trim();
                  return status + '|' + text.charAt(0) + '|' + (/[A-Za-z]{3,}/.test(text) ? 'word' : text)
                    + '|' + s.color + '|' + s.backgroundColor;
                });""");
        badges.addAll(found);
    }
}
