package org.claimdesk.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.claimdesk.source.Source;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Statements in Korean, Arabic with direction isolates, Hebrew, Russian and full of emoji come back exactly as typed
 * through every way in and out of the desk: the claim form, the JSON API, the CSV export and import, and ClaimReview;
 * and the claim page and the public fact-check page show each one isolated, so its direction cannot spill.
 */
@QuarkusTest
class ScriptsRoundTripTest {

    /** The statements, each with the name of a source in the same script. */
    static final Map<String, String> TEXTS = new LinkedHashMap<>();

    static {
        TEXTS.put("북한은 미사일을 발사했다고 합동참모본부가 밝혔다", "합동참모본부");
        TEXTS.put("قال المتحدث \u2067باسم الوزارة\u2069 إن الحكومة \u202Bلن ترسل\u202C قوات \u2066(2024)\u2069",
                "\u2067وزارة الخارجية\u2069");
        TEXTS.put("\u200Fדובר צה״ל אמר כי הכוחות נסוגו מהגבול", "דובר צה״ל");
        TEXTS.put("Путин заявил, что Россия не отправит войска", "Владимир Путин");
        TEXTS.put("Rocket 🚀 family 👨‍👩‍👧 flag 🇰🇷 café e\u0301 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and \u202Eevil.exe", "Müller 🛰️");
    }

    @Test
    void statementsInEveryScriptRoundTripExactlyThroughTheFormTheApiCsvAndClaimReview() {
        Desk desk = new Desk();
        DeskClient browser = desk.browser;
        String run = " zq" + Accounts.uniqueName("").replace("-", "x");
        List<Long> ids = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        browser.get("/claims/new");
        for (var text : TEXTS.entrySet()) {
            String statement = text.getKey() + run;
            String source = text.getValue() + run;
            browser.get("/sources/new");
            assertEquals(303, browser.post("/sources", "name", source, "kind", "other").statusCode());
            Response created = browser.post("/claims", "statement", statement, "quote", "", "source", source);
            assertEquals(303, created.statusCode(), created.asString());
            long id = Long.parseLong(created.header("Location").replaceAll(".*/claims/(\\d+).*", "$1"));
            ids.add(id);
            statements.add(statement);
            sources.add(source);
            assertEquals(List.of(statement), DeskData.strings("SELECT statement FROM claim WHERE id = ?1", id),
                    "the form stores the statement exactly as typed");
            assertEquals(List.of(source), DeskData.strings("SELECT s.name FROM claim c JOIN source s ON "
                    + "s.id = c.source_id WHERE c.id = ?1", id), "and the source's name");

            String page = browser.get("/claims/" + id).then().statusCode(200).extract().asString();
            assertTrue(page.contains("<h1 id=\"statement\"><bdi>" + statement + "</bdi></h1>"),
                    "the claim page shows the statement isolated: " + statement);
            assertTrue(page.contains("<bdi>" + source + "</bdi>"), "and the source's name");
            String api = desk.api().get("/api/claims/" + id).then().statusCode(200).extract().path("statement");
            assertEquals(statement, api, "the API returns it exactly");
        }

        // the JSON API stores such text as sent too
        long sourceId = DeskData.number("SELECT id FROM source WHERE name = ?1", sources.get(1));
        String viaApi = "\u2067" + "تقرير" + "\u2069 🚀 " + run;
        Number apiId = desk.api().body(Map.of("statement", viaApi, "sourceId", sourceId)).post("/api/claims")
                .then().statusCode(201).extract().path("id");
        assertEquals(List.of(viaApi), DeskData.strings("SELECT statement FROM claim WHERE id = ?1",
                apiId.longValue()));

        // CSV out: every statement and source name exactly, in UTF-8
        byte[] csv = desk.api().get("/api/exports/claims.csv?q=" + run.strip()).then().statusCode(200).extract()
                .asByteArray();
        List<List<String>> rows = TableFile.read(csv, TableFile.Format.csv).records().stream()
                .map(TableFile.Record::cells).toList();
        for (int i = 0; i < statements.size(); i++) {
            String statement = statements.get(i);
            List<String> row = rows.stream().filter(r -> r.get(1).equals(statement)).findFirst()
                    .orElseThrow(() -> new AssertionError("the export holds " + statement + ": " + rows));
            assertEquals(sources.get(i), row.get(2));
        }

        // ClaimReview out, before the sources are renamed
        for (long id : ids) {
            desk.decide(id, "verified", "Checked against the original broadcast " + run).then().statusCode(201);
        }
        List<String> reviews = ids.stream().map(id -> desk.api().get("/api/claims/" + id + "/claimreview").then()
                .statusCode(200).extract().asString()).toList();

        // a desk that knows these sources by other names, so that the imports make new claims and sources
        QuarkusTransaction.requiringNew().run(() -> ids.forEach(id -> {
            Source source = org.claimdesk.claim.Claim.<org.claimdesk.claim.Claim> findById(id).source;
            source.name = "Formerly " + source.id + run;
        }));

        // CSV in: the exported file imported as it is
        long imported = TableImportsTest.upload(browser, "claims.csv", new String(csv, StandardCharsets.UTF_8));
        TableImportsTest.run(browser, imported, "format", "csv", "header", "true", "column0", "", "column1",
                "statement", "column2", "source", "column3", "", "column4", "", "mode", "all_or_nothing",
                "sourceKind", "other");
        for (int i = 0; i < statements.size(); i++) {
            assertEquals(List.of(sources.get(i)), DeskData.strings("SELECT s.name FROM claim c JOIN source s ON "
                    + "s.id = c.source_id WHERE c.statement = ?1 AND c.id <> ?2", statements.get(i), ids.get(i)),
                    "the CSV import stores " + statements.get(i) + " with its source, exactly");
        }

        // ClaimReview in
        desk.api().body("[" + String.join(",", reviews) + "]").post("/api/imports/claimreview").then()
                .statusCode(200);
        for (int i = 0; i < statements.size(); i++) {
            assertEquals(3, DeskData.number("SELECT count(*) FROM claim WHERE statement = ?1", statements.get(i)),
                    "the form's claim, the CSV's and ClaimReview's: " + statements.get(i));
        }
    }

    @Test
    void thePublicFactCheckPageShowsRightToLeftTextIsolated() {
        Desk desk = new Desk();
        String statement = "قال المتحدث \u2067باسم الوزارة\u2069 إن الحكومة لن ترسل قوات " + Accounts.uniqueName("");
        long id = desk.decided(statement, "disputed");
        String slug = desk.published(id);
        String page = io.restassured.RestAssured.given().get("/fact-checks/" + slug).then().statusCode(200).extract()
                .asString();
        assertTrue(page.contains("<h1 id=\"statement\"><bdi>" + statement + "</bdi></h1>"), page);
        assertTrue(page.contains("<blockquote class=\"quote\"><bdi>" + statement + "</bdi></blockquote>"),
                "the quote too");
        assertTrue(page.contains("\"claimReviewed\":\"" + statement + "\""), "ClaimReview holds it exactly");
    }
}
