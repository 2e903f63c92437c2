package org.claimdesk.publish;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.claimdesk.claim.Claim;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class PublishingTest {

    private Desk desk;

    @BeforeEach
    void startWork() {
        desk = new Desk(); // logs in over HTTP, so only once the app runs
    }

    @Test
    void aPublishedClaimIsReadableLoggedOutWithItsSourceArticleVerdictRationaleEvidenceAndOrganisation() {
        long id = desk.decided("Exports doubled in 2024 " + System.nanoTime(), "disputed");
        Claim claim = DeskData.findClaim(id);
        String slug = desk.published(id);
        assertTrue(slug.startsWith("exports-doubled-in-2024-") && slug.endsWith("-" + id), slug);

        String page = given().get("/fact-checks/" + slug).then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .extract().asString();
        assertTrue(page.contains(claim.statement), "statement");
        assertTrue(page.contains(claim.source.name), "source");
        assertTrue(page.contains("Minister speaks on exports") && page.contains("https://news.example.org/exports"),
                "the article it appeared in");
        assertTrue(page.contains("Disputed"), "verdict");
        assertTrue(page.contains("The export statistics show a 12% rise."), "rationale");
        assertTrue(page.contains("Export statistics 2024") && page.contains("https://stats.example.org/exports"),
                "evidence");
        assertTrue(page.contains("3 Mar 2025"), "the claim's date");
        assertTrue(page.contains("Claimdesk Test Desk"), "the organisation's name, from configuration");
        assertFalse(page.contains("Log out"), "nothing of the desk shows on the public page");

        given().get("/fact-checks").then().statusCode(200).body(containsString("/fact-checks/" + slug));
        given().get("/fact-checks.atom").then().statusCode(200).contentType(containsString("application/atom+xml"))
                .body(containsString("/fact-checks/" + slug));
        given().get("/fact-checks.jsonld").then().statusCode(200).contentType(containsString("application/ld+json"))
                .body(containsString("/fact-checks/" + slug));
    }

    @Test
    void anUnverifiedClaimIsNotPublishedAndNothingIsStored() {
        long id = desk.claim("Unchecked claim " + System.nanoTime());
        Response refused = desk.publish(id);
        assertEquals(409, refused.statusCode());
        assertTrue(refused.asString().contains("Decide it first"), refused.asString());
        assertEquals(0, DeskData.number("select count(*) from publication where claim_id = ?", id));
    }

    @Test
    void aViewerCannotPublish() {
        long id = desk.decided("Viewer cannot publish " + System.nanoTime(), "verified");
        DeskClient viewer = org.claimdesk.support.Accounts.logIn(org.claimdesk.system.Role.viewer);
        viewer.get("/claims/" + id);
        assertEquals(403, viewer.post("/claims/" + id + "/publication").statusCode());
        assertEquals(0, DeskData.number("select count(*) from publication where claim_id = ?", id));
    }

    /** Every public route, logged out, for a claim unpublished again and one decided but never published. */
    @Test
    void nothingUnpublishedIsReachableWithoutLoginOnAnyPublicRoute() {
        String unpublishedStatement = "Unpublished again " + System.nanoTime();
        long unpublished = desk.decided(unpublishedStatement, "disputed");
        String slug = desk.published(unpublished);
        given().get("/fact-checks/" + slug).then().statusCode(200);
        assertEquals(303, desk.unpublish(unpublished).statusCode());

        String neverStatement = "Never published " + System.nanoTime();
        long never = desk.decided(neverStatement, "verified");
        String wouldBeSlug = Publication.slugFor(DeskData.findClaim(never));

        for (String s : List.of(slug, wouldBeSlug)) {
            given().get("/fact-checks/" + s).then().statusCode(404).body(not(containsString("Unpublished again")))
                    .body(not(containsString("Never published")));
            // a signed-in reviewer gets no preview through the public route either
            desk.browser.get("/fact-checks/" + s).then().statusCode(404);
        }
        for (String route : List.of("/fact-checks", "/fact-checks?page=2", "/fact-checks.atom",
                "/fact-checks.jsonld")) {
            String body = given().get(route).then().statusCode(200).extract().asString();
            assertFalse(body.contains(unpublishedStatement) || body.contains(neverStatement), route);
            assertFalse(body.contains(slug) || body.contains(wouldBeSlug), route);
        }
        // the desk's own ClaimReview of any claim needs a login
        given().get("/api/claims/" + never + "/claimreview").then().statusCode(401);
        given().redirects().follow(false).get("/claims/" + never).then().statusCode(302);
    }

    @Test
    void publishingAgainKeepsTheSlugEvenAfterTheStatementChanged() {
        long id = desk.decided("First wording " + System.nanoTime(), "verified");
        String slug = desk.published(id);
        desk.unpublish(id);
        QuarkusTransaction.requiringNew().run(() -> Claim.<Claim> findById(id).statement = "Second wording");
        assertEquals(303, desk.publish(id).statusCode());
        assertEquals(slug, Desk.slug(id));
        given().get("/fact-checks/" + slug).then().statusCode(200).body(containsString("Second wording"));
        assertEquals(409, desk.publish(id).statusCode(), "already published");
    }

    @Test
    void aPublishedVerdictChangesOnlyAfterUnpublishingOrAsAVisibleCorrection() {
        long id = desk.decided("Correctable claim " + System.nanoTime(), "disputed");
        String slug = desk.published(id);

        Response quiet = desk.decide(id, "verified", "New data came in.");
        assertEquals(409, quiet.statusCode());
        assertTrue(quiet.asString().contains("Unpublish it first"), quiet.asString());
        assertEquals("disputed", DeskData.findClaim(id).status.name());

        // the claim page offers the correction instead of a plain decision
        String claimPage = desk.browser.get("/claims/" + id).asString();
        assertTrue(claimPage.contains("Republish with correction") && claimPage.contains("Unpublish"), claimPage);
        long version = DeskData.findClaim(id).version;
        Response incomplete = desk.browser.post("/claims/" + id + "/publication/correction", "status", "verified",
                "rationale", "", "version", Long.toString(version));
        assertEquals(400, incomplete.statusCode());
        assertTrue(incomplete.asString().contains("rationale"), incomplete.asString());
        given().get("/fact-checks/" + slug).then().statusCode(200).body(not(containsString("Updated on")));
        assertEquals("disputed", DeskData.findClaim(id).status.name(), "nothing half-stored");
        desk.browser.get("/claims/" + id);
        Response corrected = desk.browser.post("/claims/" + id + "/publication/correction", "status", "verified",
                "rationale", "The revised statistics confirm the doubling.", "version", Long.toString(version));
        assertEquals(303, corrected.statusCode(), corrected.asString());
        assertEquals("verified", DeskData.findClaim(id).status.name());

        String page = given().get("/fact-checks/" + slug).then().statusCode(200).extract().asString();
        assertTrue(page.matches("(?s).*Updated on <time datetime=\"[^\"]+\">[^<]+</time>: was Disputed, now Verified.*"),
                page);
        assertTrue(page.contains("The revised statistics confirm the doubling."));
        JsonNode review = Desk.jsonLd(page).get(0);
        assertEquals("Verified", review.at("/reviewRating/alternateName").asText());
        assertTrue(review.has("dateModified"));

        // after an explicit unpublish, a plain decision is allowed again
        desk.unpublish(id);
        desk.decide(id, "disputed", "Back to disputed.").then().statusCode(201);
    }

    @Test
    void userTextCannotBreakOutOfTheJsonLdBlock() {
        String nasty = "Evil </script><script>alert(1)</script> & <!-- \u2028 claim " + System.nanoTime();
        long id = desk.decided(nasty, "disputed");
        String page = given().get("/fact-checks/" + desk.published(id)).then().statusCode(200).extract().asString();
        assertFalse(page.contains("<script>alert(1)"), "no user-made script element");
        assertEquals(1, page.split("<script", -1).length - 1, "exactly one script element: the JSON-LD");
        assertEquals(nasty, Desk.jsonLd(page).get(0).get("claimReviewed").asText(), "the JSON still says it all");
        String feed = given().get("/fact-checks.atom").then().statusCode(200).extract().asString();
        assertTrue(feed.contains("Evil &lt;/script&gt;&lt;script&gt;alert(1)"), "the feed escapes it as XML");
        assertFalse(feed.contains("<script>alert(1)"));
    }

    @Test
    void theIndexPagesThroughAllPublishedClaims() {
        for (int i = 0; i < 21; i++) {
            desk.published(desk.decided("Paged claim " + i + " " + System.nanoTime(), "verified"));
        }
        String first = given().get("/fact-checks").then().statusCode(200).extract().asString();
        assertTrue(first.contains("rel=\"next\""), "a next page link");
        given().get("/fact-checks?page=2").then().statusCode(200).body(containsString("rel=\"prev\""));
        given().get("/fact-checks?page=zero").then().statusCode(400);
    }

    @Test
    void theApiAnswersTheClaimReviewOfAnyDecidedClaimToReviewers() {
        long id = desk.decided("Api claim review " + System.nanoTime(), "verified");
        desk.api().get("/api/claims/" + id + "/claimreview").then().statusCode(200)
                .contentType(containsString("application/ld+json"))
                .body(containsString("\"ClaimReview\""), containsString(Publication.slugFor(DeskData.findClaim(id))));
        long open = desk.claim("Api open claim " + System.nanoTime());
        desk.api().get("/api/claims/" + open + "/claimreview").then().statusCode(409)
                .contentType(containsString("application/problem+json"));
        given().auth().preemptive().basic(org.claimdesk.support.Accounts.create(org.claimdesk.system.Role.viewer),
                org.claimdesk.support.Accounts.PASSWORD).get("/api/claims/" + id + "/claimreview").then()
                .statusCode(403);
        assertEquals(Map.of(), Map.of());
    }
}
