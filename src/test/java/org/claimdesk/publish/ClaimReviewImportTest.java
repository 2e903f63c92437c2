package org.claimdesk.publish;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.claimdesk.claim.Claim;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class ClaimReviewImportTest {

    private Desk desk;
    private String run;

    @BeforeEach
    void startWork() {
        desk = new Desk();
        run = Long.toString(System.nanoTime());
    }

    private Map<String, Object> review(String url, String statement, String author, String authorType,
            Map<String, Object> rating) {
        return Map.of("@context", "https://schema.org", "@type", "ClaimReview", "url", url, "claimReviewed", statement,
                "author", Map.of("@type", "Organization", "name", "Other Fact Check"),
                "reviewRating", rating,
                "itemReviewed", Map.of("@type", "Claim", "datePublished", "2024-05-01",
                        "author", Map.of("@type", authorType, "name", author, "sameAs", "https://senator.example.org")));
    }

    private Response importing(Object body) {
        return desk.api().contentType("application/ld+json").body(body).post("/api/imports/claimreview");
    }

    private static Claim importedClaim(String url) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportedReview record = ImportedReview.findById(url);
            Claim claim = record.claim;
            claim.source.name.length();
            return claim;
        });
    }

    @Test
    void aListImportsReportsEachItemAndImportingItAgainCreatesNothing() {
        String senator = "Senator Example " + run;
        List<Object> list = List.of(
                review("https://other.example.org/" + run + "/1", "Crime doubled " + run, senator, "Person",
                        Map.of("@type", "Rating", "alternateName", "Pants on Fire!", "ratingValue", 1)),
                review("https://other.example.org/" + run + "/2", "Taxes fell " + run, senator, "Person",
                        Map.of("@type", "Rating", "ratingValue", 5, "bestRating", 5, "worstRating", 1)),
                review("https://other.example.org/" + run + "/3", "Wages rose " + run, senator, "Person",
                        Map.of("@type", "Rating", "alternateName", "Wibble")),
                Map.of("@type", "ClaimReview", "reviewRating", Map.of("alternateName", "False")),
                Map.of("@type", "Recipe", "name", "Soup"),
                review("https://other.example.org/" + run + "/1", "Crime doubled " + run, senator, "Person",
                        Map.of("@type", "Rating", "alternateName", "Pants on Fire!")));
        long claimsBefore = DeskData.number("select count(*) from claim");

        importing(list).then().statusCode(200).body("imported", equalTo(2)).body("skipped", equalTo(1))
                .body("rejected", hasSize(3))
                .body("rejected[0].index", equalTo(2)).body("rejected[0].reason", containsString("\"Wibble\""))
                .body("rejected[1].index", equalTo(3)).body("rejected[1].reason", containsString("claimReviewed"))
                .body("rejected[2].index", equalTo(4)).body("rejected[2].reason", containsString("Not a ClaimReview"));
        assertEquals(claimsBefore + 2, DeskData.number("select count(*) from claim"));

        Claim crime = importedClaim("https://other.example.org/" + run + "/1");
        assertEquals("disputed", crime.status.name());
        assertEquals("Pants on Fire!", crime.originalRating);
        assertEquals(senator, crime.source.name);
        assertEquals(SourceKind.person, crime.source.kind);
        assertEquals("https://senator.example.org", crime.source.website);
        assertEquals("2024-05-01", crime.claimDate.toString());
        Claim taxes = importedClaim("https://other.example.org/" + run + "/2");
        assertEquals("verified", taxes.status.name());
        assertEquals(crime.source.id, taxes.source.id, "one claimant, one source");
        desk.browser.get("/claims/" + crime.id).then().statusCode(200)
                .body(containsString("Original rating"), containsString("Pants on Fire!"));
        assertEquals(1, DeskData.number("select count(*) from review where claim_id = ?", crime.id),
                "the import records the decision in the claim's history");
        assertEquals(1, DeskData.number("select count(*) from claim_embedding where claim_id = ?", crime.id),
                "the imported claim has its vector (claim matching)");

        importing(list).then().statusCode(200).body("imported", equalTo(0)).body("skipped", equalTo(3))
                .body("rejected", hasSize(3));
        assertEquals(claimsBefore + 2, DeskData.number("select count(*) from claim"));
        assertEquals(1, DeskData.number("select count(*) from source where name = ?", senator));
    }

    @Test
    void aDataFeedImportsAndMatchesAnExistingSourceByAlias() {
        Source ministry = DeskData.source("Ministry of Examples " + run, SourceKind.government, null, "MoE " + run);
        Map<String, Object> feed = Map.of("@context", "https://schema.org", "@type", "DataFeed", "dataFeedElement",
                List.of(Map.of("@type", "DataFeedItem", "item", review("https://feed.example.org/" + run,
                        "Exports tripled " + run, "MoE " + run, "Organization",
                        Map.of("@type", "Rating", "alternateName", "Half True"))),
                        review("https://feed.example.org/" + run + "/b", "Imports halved " + run, "moe " + run,
                                "Organization", Map.of("@type", "Rating", "ratingValue", "2", "bestRating", "3",
                                        "worstRating", "1"))));
        importing(feed).then().statusCode(200).body("imported", equalTo(2)).body("rejected", hasSize(0));
        Claim exports = importedClaim("https://feed.example.org/" + run);
        assertEquals(ministry.id, exports.source.id);
        assertEquals("unverified", exports.status.name());
        assertEquals("Half True", exports.originalRating);
        assertEquals("2 of 1–3", importedClaim("https://feed.example.org/" + run + "/b").originalRating);
    }

    @Test
    void badDocumentsAndWrongRolesAreRefusedAndNothingIsStored() {
        long before = DeskData.number("select count(*) from claim");
        importing("{not json").then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("detail", containsString("not JSON"));
        importing("\"a string\"").then().statusCode(400);
        given().auth().preemptive().basic(Accounts.create(Role.viewer), Accounts.PASSWORD)
                .contentType(ContentType.JSON).body("[]").post("/api/imports/claimreview").then().statusCode(403);
        given().contentType(ContentType.JSON).body("[]").post("/api/imports/claimreview").then().statusCode(401);
        assertEquals(before, DeskData.number("select count(*) from claim"));
    }

    @Test
    void theUploadPageImportsAFileAndShowsTheReport() {
        DeskClient browser = desk.browser;
        String page = browser.get("/imports/claimreview").then().statusCode(200).extract().asString();
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(token.find(), "the form carries a CSRF token");
        String json = "[{\"@type\":\"ClaimReview\",\"url\":\"https://upload.example.org/" + run + "\","
                + "\"claimReviewed\":\"Uploaded claim " + run + "\",\"reviewRating\":{\"alternateName\":\"Mostly false\"},"
                + "\"itemReviewed\":{\"@type\":\"Claim\",\"author\":{\"@type\":\"Person\",\"name\":\"Uploader " + run
                + "\"}}},{\"@type\":\"ClaimReview\"}]";
        String report = browser.request().multiPart("csrf-token", token.group(1))
                .multiPart("file", "reviews.json", json.getBytes(), "application/json")
                .post("/imports/claimreview").then().statusCode(200).extract().asString();
        assertTrue(report.contains("<strong>1</strong> imported"), report);
        assertTrue(report.contains("#1"), "the rejected item is named");
        assertEquals("disputed", importedClaim("https://upload.example.org/" + run).status.name());

        Response forged = browser.request().multiPart("file", "reviews.json", json.getBytes(), "application/json")
                .post("/imports/claimreview");
        assertEquals(400, forged.statusCode(), "no CSRF token, no import");
    }
}
