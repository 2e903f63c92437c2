package org.claimdesk.publish;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import org.claimdesk.claim.Claim;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.DeskData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/** The ClaimReview of a published page, as served logged out: Google's fields, and a JSON-LD processor's view. */
@QuarkusTest
class ClaimReviewTest {

    /** schema.org's context from the test resources: the tests have no network, and nothing else is fetched. */
    static final DocumentLoader OFFLINE = new DocumentLoader() {
        private static final Set<String> SCHEMA_ORG = Set.of("https://schema.org", "https://schema.org/",
                "http://schema.org", "http://schema.org/");

        @Override
        public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
            if (!SCHEMA_ORG.contains(url.toString())) {
                throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "offline: no document for " + url);
            }
            try (InputStream in = ClaimReviewTest.class.getResourceAsStream("schema.org-context.jsonld")) {
                return JsonDocument.of(in);
            } catch (java.io.IOException e) {
                throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, e);
            }
        }
    };

    private Desk desk;

    @BeforeEach
    void startWork() {
        desk = new Desk();
    }

    static JsonArray expand(String json) throws JsonLdError {
        return JsonLd.expand(JsonDocument.of(new StringReader(json))).loader(OFFLINE).get();
    }

    @Test
    void aPublishedPageCarriesEveryRequiredAndRecommendedClaimReviewField() {
        long id = desk.decided("Unemployment fell to 3% last year " + System.nanoTime(), "disputed");
        Claim claim = DeskData.findClaim(id);
        String slug = desk.published(id);
        String page = given().get("/fact-checks/" + slug).then().statusCode(200).extract().asString();
        JsonNode review = Desk.jsonLd(page).get(0);

        assertEquals("https://schema.org", review.get("@context").asText());
        assertEquals("ClaimReview", review.get("@type").asText());
        assertEquals("http://localhost:" + RestAssured.port + "/fact-checks/" + slug, review.get("url").asText());
        assertEquals(claim.statement, review.get("claimReviewed").asText());
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), review.get("datePublished").asText());

        assertEquals("Organization", review.at("/author/@type").asText());
        assertEquals("Claimdesk Test Desk", review.at("/author/name").asText());
        assertEquals("https://desk.example.org/", review.at("/author/url").asText());

        assertEquals("Rating", review.at("/reviewRating/@type").asText());
        assertEquals("Disputed", review.at("/reviewRating/alternateName").asText());
        assertEquals(1, review.at("/reviewRating/ratingValue").asInt());
        assertEquals(3, review.at("/reviewRating/bestRating").asInt());
        assertEquals(1, review.at("/reviewRating/worstRating").asInt());

        JsonNode item = review.get("itemReviewed");
        assertEquals("Claim", item.get("@type").asText());
        assertEquals("Person", item.at("/author/@type").asText(), "the source is a person");
        assertEquals(claim.source.name, item.at("/author/name").asText());
        assertEquals("https://minister.example.org/jane", item.at("/author/sameAs").asText());
        assertEquals("2025-03-03", item.get("datePublished").asText());
        for (String appearance : new String[] { "appearance", "firstAppearance" }) {
            assertEquals("CreativeWork", item.at("/" + appearance + "/@type").asText());
            assertTrue(item.at("/" + appearance + "/url").asText().startsWith("https://news.example.org/exports"));
            assertEquals("Minister speaks on exports", item.at("/" + appearance + "/headline").asText());
        }
        assertEquals("The export statistics show a 12% rise.", review.get("reviewBody").asText());
        assertEquals("https://stats.example.org/exports", review.at("/citation/0/url").asText());
    }

    @Test
    void aSourceThatIsNotAPersonIsAnOrganizationAndTheWordingFollowsTheVerdict() {
        long id = desk.decided("The agency said so " + System.nanoTime(), "verified");
        QuarkusTransaction.requiringNew().run(() -> Claim.<Claim> findById(id).source.kind = SourceKind.government);
        JsonNode review = Desk.jsonLd(given().get("/fact-checks/" + desk.published(id)).asString()).get(0);
        assertEquals("Organization", review.at("/itemReviewed/author/@type").asText());
        assertEquals("Verified", review.at("/reviewRating/alternateName").asText());
        assertEquals(3, review.at("/reviewRating/ratingValue").asInt());
    }

    @Test
    void thePublishedJsonLdAndTheDataFeedExpandWithoutErrorInAJsonLdProcessor() throws Exception {
        long id = desk.decided("Expandable claim " + System.nanoTime(), "disputed");
        String page = given().get("/fact-checks/" + desk.published(id)).asString();
        String json = Desk.jsonLd(page).get(0).toString();

        JsonArray expanded = expand(json);
        assertEquals(1, expanded.size());
        JsonObject node = expanded.getJsonObject(0);
        assertEquals("http://schema.org/ClaimReview", node.getJsonArray("@type").getString(0));
        assertEquals(DeskData.findClaim(id).statement, node.getJsonArray("http://schema.org/claimReviewed")
                .getJsonObject(0).getString("@value"));
        JsonObject rating = node.getJsonArray("http://schema.org/reviewRating").getJsonObject(0);
        assertEquals("http://schema.org/Rating", rating.getJsonArray("@type").getString(0));
        JsonObject item = node.getJsonArray("http://schema.org/itemReviewed").getJsonObject(0);
        assertTrue(item.containsKey("http://schema.org/firstAppearance"));
        assertTrue(node.getJsonArray("http://schema.org/url").getJsonObject(0).getString("@id")
                .contains("/fact-checks/"));

        JsonArray feed = expand(given().get("/fact-checks.jsonld").then().statusCode(200).extract().asString());
        assertEquals("http://schema.org/DataFeed", feed.getJsonObject(0).getJsonArray("@type").getString(0));
        assertFalse(feed.getJsonObject(0).getJsonArray("http://schema.org/dataFeedElement").isEmpty());

        // the loader is really offline: an unknown context is an error, not a silent fetch
        assertThrows(JsonLdError.class, () -> expand("{\"@context\":\"https://example.org/ctx\",\"a\":1}"));
    }
}
