package org.claimdesk.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.Browser;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.claimdesk.support.NeedsTool;
import org.claimdesk.support.Tools;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.NoAlertPresentException;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Stored XSS, tried in Chromium: every payload is stored in every text field that holds free text, then every page
 * that shows those fields is opened, and no script may run (no dialog, no {@code window.__xss}), no element or
 * attribute may be injected, and the payload must read literally. To extend, add a page to {@link #pages}.
 */
@QuarkusTest
@NeedsTool(Tools.Tool.BROWSER)
class XssInBrowserTest {

    /** Each would set {@code window.__xss}, open a dialog or add an element with id {@code xss-marker} if it ran. */
    static final List<String> PAYLOADS = List.of(
            "<script>window.__xss='script'</script>",
            "<img src=x onerror=\"window.__xss='img'\">",
            "\"><svg onload=\"window.__xss='svg'\">",
            "'><b id=xss-marker onmouseover=alert(1)>b</b>",
            "<a id=xss-marker href=\"javascript:window.__xss='a'\">a</a>",
            "</textarea><iframe id=xss-marker srcdoc=x></iframe>",
            "{#raw}<i id=xss-marker></i>{/raw} {inject:desk}",
            "<style>body{display:none}</style><base href=//evil.example/>");

    /** An evidence URL the database accepts (http, no spaces) that would break out of an attribute if unescaped. */
    static final String URL_PAYLOAD = "https://example.org/\"><img/src=x/onerror=window.__xss='url'>";

    /** A valid address whose query would break out of an attribute if it were not escaped. */
    static final String ENCODED_URL = "https://example.org/report?q='onmouseover='window.__xss=1'&x=%22%3E%3Cscript%3E";

    /** A page and what it must show literally. */
    record Page(String path, List<String> literal) {
    }

    private static final String ALL = String.join(" | ", PAYLOADS);

    /** What the detector finds on the open page: empty when nothing ran and nothing was injected. */
    private static final String DETECT = """
            const found = [];
            if (window.__xss !== undefined) found.push('window.__xss=' + window.__xss);
            if (document.getElementById('xss-marker')) found.push('element #xss-marker');
            for (const el of document.querySelectorAll('*')) {
              for (const a of el.attributes) {
                if (/^on/i.test(a.name)) found.push('attribute ' + a.name + ' on ' + el.tagName);
                if (/^(href|src|action|formaction)$/i.test(a.name) && /^\\s*(javascript|data):/i.test(a.value))
                  found.push(a.name + '=' + a.value);
              }
            }
            for (const s of document.scripts) {
              if (s.type === 'application/ld+json') { // data, never run: it must still parse as a whole
                try { JSON.parse(s.textContent); } catch (e) { found.push('JSON-LD broken: ' + e.message); }
              } else if (!s.src || new URL(s.src).origin !== location.origin) {
                found.push('script ' + (s.src || s.textContent.slice(0, 40)));
              }
            }
            for (const tag of ['iframe', 'base', 'style', 'object', 'embed']) // the pages' own svg charts are allowed
              if (document.getElementsByTagName(tag).length) found.push('element ' + tag);
            return found.join('; ');
            """;

    @Test
    void noStoredPayloadRunsOrInjectsAnythingOnAnyPage() {
        String reviewer = Accounts.create(Role.reviewer);
        Source publisher = DeskData.source("Xss publisher", SourceKind.other);
        long sourceId = created(api(reviewer).body("{\"name\":" + quote("Xss source " + PAYLOADS.get(0) + " "
                + System.nanoTime()) + ",\"kind\":\"other\",\"description\":" + quote(ALL) + ",\"aliases\":["
                + String.join(",", PAYLOADS.stream().map(XssInBrowserTest::quote).toList()) + "]}")
                .post("/api/sources")).longValue();
        String body = "The article says: " + ALL + " and so on.";
        long articleId = DeskData.article("Xss article " + PAYLOADS.get(1), body, publisher).id;
        long quoting = DeskData.claimQuoting(articleId, body.indexOf(PAYLOADS.get(0)), PAYLOADS.get(0),
                publisher);
        long claimId = created(api(reviewer).body("{\"statement\":" + quote("Statement " + ALL) + ",\"quote\":"
                + quote("Quote " + ALL) + ",\"sourceId\":" + sourceId + ",\"tags\":[" + quote("tag<script>") + "]}")
                .post("/api/claims")).longValue();
        Response decided = api(reviewer).body("{\"status\":\"disputed\",\"rationale\":" + quote("Rationale " + ALL)
                + ",\"version\":0,\"evidence\":[{\"url\":" + quote(ENCODED_URL) + ",\"title\":" + quote("Title " + ALL)
                + ",\"stance\":\"refutes\",\"note\":" + quote("Note " + ALL) + "}]}")
                .post("/api/claims/" + claimId + "/verdicts");
        assertEquals(201, decided.statusCode(), decided.asString());
        // its relay, kind and attribution decision (issue 19), with the payloads in every text
        long relayId = created(api(reviewer).body("{\"name\":" + quote("Xss relay " + PAYLOADS.get(0) + " "
                + System.nanoTime()) + ",\"kind\":\"news_outlet\"}").post("/api/sources")).longValue();
        assertEquals(200, api(reviewer).body("{\"relayedBy\":[" + relayId + "],\"attributionKind\":\"paraphrase\","
                + "\"version\":1}").put("/api/claims/" + claimId + "/attribution").statusCode());
        Response attributed = api(reviewer).body("{\"status\":\"misattributed\",\"rationale\":"
                + quote("Attribution " + ALL) + ",\"version\":2,\"evidence\":[{\"url\":" + quote(ENCODED_URL)
                + ",\"title\":" + quote("Attribution title " + ALL) + ",\"stance\":\"refutes\"}]}")
                .post("/api/claims/" + claimId + "/attribution-verdicts");
        assertEquals(201, attributed.statusCode(), attributed.asString());
        // the app refuses URL_PAYLOAD as no valid address; stored past it, the page must still escape it
        DeskData.number("INSERT INTO evidence (id, review_id, position, url, title, stance) SELECT "
                + "nextval('evidence_seq'), r.id, 1, ?1, 'Raw title ' || ?1, 'context' FROM review r WHERE r.claim_id = ?2 "
                + "RETURNING 1", URL_PAYLOAD, claimId);
        DeskClient admin = Accounts.logInAsAdmin();
        admin.get("/claims/" + claimId);
        admin.post("/claims/" + claimId + "/links", "otherId", Long.toString(quoting), "kind", "contradicts", "note",
                "Link " + ALL);
        // the editorial workflow: an internal note that mentions the admin (so it shows on the dashboard), a decision
        // sent back with a note (on the claim's page and in its history), a priority set in bulk
        assertEquals(201, api(reviewer).body("{\"text\":" + quote("@admin Note " + ALL) + "}")
                .post("/api/claims/" + claimId + "/notes").statusCode());
        admin.post("/claims/" + claimId + "/approvals", "version", Long.toString(DeskData.number(
                "SELECT version FROM claim WHERE id = ?1", claimId)), "action", "send_back", "note", "Back " + ALL);
        admin.post("/claims/bulk", "scope", "selected", "ids", Long.toString(claimId), "filter", "/claims?q="
                + PAYLOADS.get(0), "priority", "high", "addTag", "bulk<b>");
        assertEquals(1, DeskData.number("SELECT count(*) FROM claim_note WHERE claim_id = ?1", claimId));
        assertEquals(1, DeskData.number("SELECT count(*) FROM claim_approval WHERE claim_id = ?1", claimId));
        String word = "Statement";
        // an article import under review: the payloads in the pasted text, a candidate's statement and sources
        admin.get("/articles/new");
        Response imported = admin.post("/articles/new", "title", "Xss import " + PAYLOADS.get(2), "body",
                "\"Exports rose by 12 percent last year,\" the trade minister said. " + ALL);
        assertEquals(303, imported.statusCode(), imported.asString());
        String draft = imported.header("Location").replaceAll("^https?://[^/]+", "");
        long draftId = Long.parseLong(draft.replaceAll(".*/", ""));
        Response reviewed = admin.post(draft, "version", Long.toString(DeskData.number(
                "SELECT version FROM article_draft WHERE id = ?1", draftId)), "action", "update", "row", "1",
                "decision", "accept", "statement", "Candidate " + ALL, "sources", "Source " + PAYLOADS.get(3),
                "kind", "person", "rangeStart", "", "rangeEnd", "");
        assertEquals(303, reviewed.statusCode(), reviewed.asString());
        // the claim, published: its public page is read by anyone, logged out
        String slug = admin.request().contentType("application/json").post("/api/claims/" + claimId + "/publication")
                .then().statusCode(201).extract().path("slug");

        List<Page> pages = new ArrayList<>(List.of(
                new Page("/", List.of("Note " + ALL)),
                new Page("/claims", List.of(PAYLOADS.get(0))),
                new Page("/claims?q=" + word, List.of(PAYLOADS.get(0))),
                // "Checked before?": the pasted text comes back in the box, matches show statement, source, rationale
                new Page("/checked-before?text=" + java.net.URLEncoder.encode("Statement " + ALL,
                        java.nio.charset.StandardCharsets.UTF_8), List.of("Statement " + ALL, "Rationale " + ALL)),
                new Page("/claims/" + claimId, List.of("Statement " + ALL, "Quote " + ALL, "Rationale " + ALL,
                        "Title " + ALL, "Note " + ALL, "Link " + ALL, "Raw title " + URL_PAYLOAD, "@admin Note " + ALL,
                        "Back " + ALL, "bulk<b>", "Attribution " + ALL, "Attribution title " + ALL)),
                new Page("/claims?attribution=misattributed", List.of()),
                new Page("/sources/" + relayId, List.of("Statement " + ALL)),
                new Page("/claims/" + claimId + "/edit", List.of()),
                new Page("/claims/" + quoting, List.of(PAYLOADS.get(0))),
                new Page("/sources", List.of()),
                new Page("/sources?q=Xss", List.of(PAYLOADS.get(0))),
                new Page("/sources/" + sourceId, List.of(ALL, PAYLOADS.get(4))),
                new Page("/sources/" + sourceId + "/edit", List.of()),
                new Page("/articles", List.of(PAYLOADS.get(1))),
                new Page("/articles/" + articleId, List.of(PAYLOADS.get(1))),
                new Page("/articles/" + articleId + "/edit", List.of()),
                new Page("/admin/audit", List.of()),
                new Page("/api/claims/" + claimId, List.of()),
                new Page(draft, List.of(ALL, "Candidate " + ALL, "Source " + PAYLOADS.get(3))),
                new Page("/admin/ratings", List.of())));
        List<Page> publicPages = List.of(new Page("/fact-checks/" + slug, List.of("Statement " + ALL)),
                new Page("/fact-checks", List.of("Statement " + ALL)));
        List<String> found = new ArrayList<>();
        try (Browser browser = Browser.open()) {
            browser.logIn(Accounts.ADMIN, Accounts.ADMIN_PASSWORD);
            for (Page page : pages) {
                check(browser, page, found);
            }
        }
        try (Browser loggedOut = Browser.open()) {
            for (Page page : publicPages) {
                check(loggedOut, page, found);
            }
        }
        System.out.printf("XSS in Chromium: %d payloads in every text field, %d pages opened, %d findings%n",
                PAYLOADS.size() + 1, pages.size() + publicPages.size(), found.size());
        assertEquals(List.of(), found);
    }

    /** Opens {@code page}: no dialog, nothing {@link #DETECT} finds, every literal shown as text. */
    private static void check(Browser browser, Page page, List<String> found) {
        browser.go(page.path());
        try {
            browser.driver().switchTo().alert();
            found.add(page.path() + ": a dialog opened");
            browser.driver().switchTo().alert().dismiss();
        } catch (NoAlertPresentException none) {
            // as it should be
        }
        String detected = (String) browser.script(DETECT);
        if (!detected.isEmpty()) {
            found.add(page.path() + ": " + detected);
        }
        // what the page reads, and what its form fields hold
        String text = (String) browser.script("return document.body.innerText + ' ' + Array.from("
                + "document.querySelectorAll('textarea, input')).map(e => e.value).join(' ')");
        for (String literal : page.literal()) {
            if (!text.replaceAll("\\s+", " ").contains(literal.replaceAll("\\s+", " "))) {
                found.add(page.path() + ": does not show literally " + literal);
            }
        }
    }

    private static io.restassured.specification.RequestSpecification api(String reviewer) {
        return given().auth().preemptive().basic(reviewer, Accounts.PASSWORD).contentType(ContentType.JSON);
    }

    private static Number created(Response response) {
        assertEquals(201, response.statusCode(), response.asString());
        return response.jsonPath().get("id");
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
