package org.claimdesk.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.claimdesk.support.NeedsTool;
import org.claimdesk.support.Tools;
import org.claimdesk.claim.Claim;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.Browser;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The main pages of the demo desk at 1280 and 390 px wide, saved as screenshots in {@code target/screenshots} (the
 * README shows a copy from {@code src/docs/screenshots}). At phone width nothing may scroll sideways and axe finds
 * nothing serious; printed, a claim's page is a dossier without the forms.
 */
@QuarkusTest
@NeedsTool(Tools.Tool.BROWSER)
class ScreenshotsInBrowserTest {

    @Test
    void mainPagesFitAPhoneAndAClaimPrintsAsADossier() {
        Claim kcna = DeskData.demoClaim("Korean Central News Agency (KCNA)", "shell production");
        Claim workers = DeskData.demoClaim("National Intelligence Service (South Korea)", "15,000 workers");
        DeskClient admin = Accounts.logInAsAdmin();
        decide(admin, kcna.id, "verified", "Satellite images show new lines at two of the factories visited.",
                "https://example.org/satellite-factories", "Satellite images of the factories", "supports");
        decide(admin, workers.id, "disputed", "Labour ministry figures put the number far lower.",
                "https://example.org/labour-figures", "Labour ministry figures", "refutes");

        admin.get("/claims/" + workers.id);
        admin.post("/claims/" + workers.id + "/publication");
        String slug = DeskData.strings("select slug from publication where claim_id = ?1", workers.id).get(0);

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("dashboard", "/");
        pages.put("claims", "/claims");
        pages.put("claim", "/claims/" + kcna.id);
        pages.put("source", "/sources/" + kcna.source.id);
        pages.put("article", "/articles/" + kcna.article.id);
        pages.put("fact-check", "/fact-checks/" + slug);
        List<String> problems = new ArrayList<>();
        try (Browser browser = Browser.open()) {
            browser.go("/login").screenshot("login", 900);
            browser.logIn(Accounts.ADMIN, Accounts.ADMIN_PASSWORD);
            // the import's review of the sample article's candidate claims
            browser.go("/articles/new");
            browser.find("#title").sendKeys("Kim Jong Un demands more artillery shells (imported again)");
            browser.find("#body").sendKeys(DeskData.strings("select body from article where id = ?1",
                    kcna.article.id).get(0));
            browser.submit(browser.find("button[name=action][value=extract]"));
            pages.put("import-review", browser.path());
            pages.forEach((name, path) -> browser.go(path).screenshot(name, 1800));

            browser.go("/claims/" + kcna.id).print(true);
            assertFalse(browser.find("#verdict").isDisplayed(), "the decision form is not printed");
            assertFalse(browser.find(".topbar").isDisplayed(), "nor the navigation");
            String dossier = browser.text("main");
            for (String part : List.of("dossier of claim #" + kcna.id, kcna.statement, "Korean Central News Agency",
                    "In the article", "Verdict", "Satellite images show new lines", "satellite-factories",
                    "History")) {
                assertTrue(dossier.contains(part), "the printed dossier holds " + part);
            }
            browser.screenshot("claim-print", 2400);
            browser.print(false);

            browser.width(390);
            browser.go("/login");
            pages.forEach((name, path) -> {
                browser.go(path).screenshot(name, 2400);
                long sideways = ((Number) browser.script(
                        "return document.documentElement.scrollWidth - window.innerWidth")).longValue();
                if (sideways > 0) {
                    problems.add(name + " scrolls " + sideways + " px sideways at 390 px");
                }
                browser.axe().blocking().forEach(v -> problems.add(name + " at 390 px: " + v));
            });
        }
        assertEquals(List.of(), problems);
    }

    private static void decide(DeskClient client, long claimId, String status, String rationale, String url,
            String title, String stance) {
        client.get("/claims/" + claimId);
        String version = Long.toString(DeskData.number("select version from claim where id = ?1", claimId));
        client.post("/claims/" + claimId + "/verdicts", "version", version, "status", status, "rationale", rationale,
                "evidenceUrl", url, "evidenceTitle", title, "evidenceStance", stance, "evidenceNote", "");
    }
}
