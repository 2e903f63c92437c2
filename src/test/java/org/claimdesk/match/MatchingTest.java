package org.claimdesk.match;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class MatchingTest {

    static final String MANSION = "Former U.S. Vice President Joe Biden owns the largest mansion in his state.";

    private static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, Accounts.PASSWORD).contentType(ContentType.JSON);
    }

    private static int create(String reviewer, long sourceId, String statement) {
        return as(reviewer).body(Map.of("statement", statement, "sourceId", sourceId)).post("/api/claims").then()
                .statusCode(201).extract().path("id");
    }

    private static String vector(long claimId) {
        List<String> v = DeskData.strings("SELECT encode(vector, 'hex') FROM claim_embedding WHERE claim_id = ?1",
                claimId);
        return v.isEmpty() ? null : v.get(0);
    }

    @Test
    void aClaimAddedThroughTheApiHasItsVectorStoredAndAStatementEditReplacesIt() {
        String reviewer = Accounts.create(Role.reviewer);
        Source source = DeskData.source("Harbour board", SourceKind.government);
        int id = create(reviewer, source.id, "The harbour handled 3 million containers in 2024.");
        String before = vector(id);
        assertEquals(768, before.length(), "384 dimensions, one byte each");

        DeskClient editor = Accounts.logIn(Role.reviewer);
        String base = baseOf(editor.get("/claims/" + id + "/edit").asString());
        editor.post("/claims/" + id, "version", "0", "base", base, "statement",
                "Tourism revenue fell by a third after the floods.", "source", source.name).then().statusCode(303);
        String after = vector(id);
        assertNotEquals(before, after, "the edited statement has its own vector");

        as(reviewer).body(Map.of("text", "Floods cut visitor spending by a third")).post("/api/claims/matches")
                .then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void aParaphraseIsFoundFirstAndTheListSaysWhy() {
        String reviewer = Accounts.create(Role.reviewer);
        Source source = DeskData.source("Checkers", SourceKind.news_outlet);
        int mansion = create(reviewer, source.id, MANSION);
        int coffee = create(reviewer, source.id, "Drinking coffee every day lowers the risk of heart disease.");

        // the browser test may have loaded the same CheckThat! claim from another source: either may come first
        as(reviewer).body(Map.of("text", "Biden has the biggest house in Delaware")).post("/api/claims/matches")
                .then().statusCode(200).body("items.id", hasItem(mansion))
                .body("items[0].statement", equalTo(MANSION)).body("items[0].status", equalTo("unverified"))
                .body("items[0].source.id", notNullValue()).body("items[0].source.name", notNullValue())
                .body("items[0].source.kind", equalTo("news_outlet"))
                .body("items[0].score", notNullValue())
                .body("items[0].why", equalTo("shared words: biden"));
        as(reviewer).body(Map.of("text", "Biden has the biggest house in Delaware", "limit", 50))
                .post("/api/claims/matches").then().statusCode(200)
                .body("items.find { it.id == " + mansion + " }.source.name", equalTo(source.name));

        List<Map<String, Object>> items = as(reviewer).body(Map.of("text",
                "A daily cup of espresso protects your cardiovascular system")).post("/api/claims/matches")
                .then().statusCode(200).extract().path("items");
        Map<String, Object> found = items.stream().filter(m -> ((Number) m.get("id")).intValue() == coffee)
                .findFirst().orElseThrow(() -> new AssertionError("the coffee claim is found by meaning: " + items));
        assertEquals("meaning only", found.get("why"));
        double previous = Double.MAX_VALUE;
        for (Map<String, Object> m : items) {
            double score = ((Number) m.get("score")).doubleValue();
            assertTrue(score <= previous, "best first: " + items);
            previous = score;
        }
    }

    @Test
    void anyAccountMayAskTheLimitIsKeptAndBadInputGetsAProblem() {
        String viewer = Accounts.create(Role.viewer);
        as(viewer).body(Map.of("text", "workers sent to Russia", "limit", 1)).post("/api/claims/matches").then()
                .statusCode(200).body("items", hasSize(lessThanOrEqualTo(1)));
        as(viewer).body(Map.of("text", "workers sent to Russia")).post("/api/claims/matches").then()
                .statusCode(200).body("items.size()", lessThanOrEqualTo(10));
        given().contentType(ContentType.JSON).body(Map.of("text", "x")).post("/api/claims/matches").then()
                .statusCode(401);

        Map<String, Object> tooLong = new HashMap<>();
        tooLong.put("text", "a".repeat(MatchQuery.MAX_TEXT + 1));
        for (Object body : List.of(Map.of("text", "  "), Map.of("limit", 5), Map.of("text", "x", "limit", 0),
                Map.of("text", "x", "limit", 51), tooLong, "{\"text\":", "[1]", "{\"text\":\"x\",\"limit\":\"many\"}")) {
            as(viewer).body(body).post("/api/claims/matches").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"));
        }
        as(viewer).body("").post("/api/claims/matches").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        // as everywhere on the desk, text no one types is refused with a problem naming the field
        as(viewer).body(Map.of("text", "workers\u0000sent to Russia")).post("/api/claims/matches").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
        as(viewer).body(Map.of("text", "Работники\tsent to Russia, 北朝鮮")).post("/api/claims/matches").then()
                .statusCode(200);
    }

    @Test
    void theCheckedBeforePageListsMatchesWithSourceVerdictAndReasonWithoutJavaScript() {
        String reviewer = Accounts.create(Role.reviewer);
        Source source = DeskData.source("Fact desk", SourceKind.news_outlet);
        int id = create(reviewer, source.id, "The city council spent 4 million euros on a new bridge to nowhere.");
        as(reviewer).body(Map.of("status", "disputed", "rationale", "The budget shows 1.2 million.", "version", 0))
                .post("/api/claims/" + id + "/verdicts").then().statusCode(201);

        DeskClient viewer = Accounts.logIn(Role.viewer);
        viewer.get("/").then().statusCode(200).body(containsString("action=\"/checked-before\""));
        viewer.get("/claims").then().statusCode(200).body(containsString("action=\"/checked-before\""));
        String page = viewer.get("/checked-before?text=" + "Council wasted millions of euros on a useless bridge")
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains("href=\"/claims/" + id + "\""), page);
        assertTrue(page.contains("Latest verdict: Disputed"), "the verdict is shown");
        assertTrue(page.contains("The budget shows 1.2 million."), "with its rationale");
        assertTrue(page.contains(source.name));
        assertTrue(page.matches("(?s).*class=\"match-why\">shared words: [^<]*bridg.*"), "why it matched");

        // the box posts, so a pasted paragraph longer than an address may be still gets its answer
        viewer.get("/");
        // (a post that says one thing at length; a paragraph mostly about something else is matched by that)
        String paragraph = "Council wasted millions of euros on a useless bridge, the opposition said again. ".repeat(70);
        String posted = viewer.post("/checked-before", "text", paragraph).then().statusCode(200).extract().asString();
        assertTrue(posted.contains("href=\"/claims/" + id + "\""), "a 5,000-character paste finds the claim");

        viewer.request().urlEncodingEnabled(false).get("/checked-before?text=%20%09").then().statusCode(400)
                .body(containsString("Enter the text to look for"));
        viewer.get("/checked-before").then().statusCode(200).body(not(containsString("Closest claims")));
        DeskClient.anonymous().get("/checked-before?text=x").then().statusCode(302);
    }

    @Test
    void theClaimPageShowsItsClosestClaimsAtOnceAndTheRelatedApiUsesTheSameEngine() {
        String reviewer = Accounts.create(Role.reviewer);
        Source source = DeskData.source("Wire", SourceKind.news_outlet);
        int first = create(reviewer, source.id, "North Korea sent about 15,000 workers to Russia last year.");
        int second = create(reviewer, source.id, "Some 15,000 North Korean labourers are working in Russia.");

        DeskClient viewer = Accounts.logIn(Role.viewer);
        String page = viewer.get("/claims/" + first).then().statusCode(200).extract().asString();
        assertTrue(page.contains("href=\"/claims/" + second + "\""), "the related claim shows with no click");
        assertTrue(page.contains("class=\"match-why muted\">(shared words:"), page);

        as(reviewer).get("/api/claims/" + first + "/related").then().statusCode(200)
                .body("items.id", hasItem(second)).body("items[0].similarity", notNullValue())
                .body("items[0].source.name", notNullValue()).body("items[0].why", startsWith("shared words"));
    }

    @Test
    void aClaimStoredWithoutAVectorIsStillMatchedAndMatchIndexWouldEmbedIt() {
        Source source = DeskData.source("Archive", SourceKind.other);
        // a claim written around the engine (as before this feature): no vector
        long old = DeskData.claim(source, "Glaciers in the Alps lost a tenth of their volume in two years.").id;
        assertEquals(1, DeskData.number("WITH gone AS (DELETE FROM claim_embedding WHERE claim_id = ?1 RETURNING 1) "
                + "SELECT count(*) FROM gone", old));
        assertEquals(null, vector(old));
        String reviewer = Accounts.create(Role.reviewer);
        as(reviewer).body(Map.of("text", "Alpine glaciers lost a tenth of their volume")).post("/api/claims/matches")
                .then().statusCode(200).body("items.id", hasItem((int) old));
    }

    @Inject
    DataSource dataSource;

    @Inject
    MeaningCodes codes;

    @Inject
    Centroids centroids;

    @Inject
    ClaimMatcher matcher;

    @Test
    void theFirstSearchMayRunInsideTheCallersTransaction() {
        Source source = DeskData.source("Weather office", SourceKind.government);
        long hail = DeskData.claim(source, "Hailstones the size of golf balls fell on the coastal town in May.").id;
        codes.forget();
        // as an article import or the claim page asks: within a transaction, which loads the codes of a small desk
        List<Match> found = QuarkusTransaction.requiringNew().call(() -> matcher.nearest(
                "golf-ball hail hit the coast in May", 10));
        assertTrue(found.stream().anyMatch(m -> m.id() == hail), "" + found);
    }

    private long[] shortlist(float[] query, int n) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            long[] ids = codes.shortlist(connection, query, centroids.probe(query, MeaningCodes.ROWS_READ), n);
            assertNotNull(ids, "a small desk's codes are loaded by the search that needs them");
            return ids;
        }
    }

    @Test
    void vectorsWrittenByAnotherInstanceAreShortlistedByTheNextSearch() throws SQLException {
        Source source = DeskData.source("Port authority", SourceKind.government);
        long lighthouse = DeskData.claim(source, "The old lighthouse on the northern cape was sold for one euro.").id;
        long ferry = DeskData.claim(source, "The island ferry carried twice as many cyclists this summer.").id;
        long twin = DeskData.claim(source, "A cape beacon changed hands for a single coin.").id;
        DeskData.number("WITH gone AS (DELETE FROM claim_embedding WHERE claim_id = ?1 RETURNING 1) "
                + "SELECT count(*) FROM gone", twin);
        float[] query = Embedder.dequantize(HexFormat.of().parseHex(vector(lighthouse)));
        assertArrayEquals(new long[] { lighthouse }, shortlist(query, 1), "its own vector is nearest");

        // another instance stores the twin's vector and gives the ferry claim a new one, behind this one's back
        assertEquals(1, DeskData.number("WITH put AS (INSERT INTO claim_embedding (claim_id, centroid, vector) "
                + "SELECT ?1, centroid, vector FROM claim_embedding WHERE claim_id = ?2 RETURNING 1) "
                + "SELECT count(*) FROM put", twin, lighthouse));
        assertEquals(1, DeskData.number("WITH edited AS (UPDATE claim_embedding SET vector = (SELECT vector FROM "
                + "claim_embedding WHERE claim_id = ?2) WHERE claim_id = ?1 RETURNING 1) SELECT count(*) FROM edited",
                ferry, lighthouse));

        long[] found = shortlist(query, 3);
        Arrays.sort(found);
        long[] expected = { lighthouse, ferry, twin };
        Arrays.sort(expected);
        assertArrayEquals(expected, found, "the new row and the edited row are read, at distance 0");
        String reviewer = Accounts.create(Role.reviewer);
        List<Integer> matches = as(reviewer).body(Map.of("text", "The old lighthouse on the northern cape was sold "
                + "for one euro.", "limit", 50)).post("/api/claims/matches").then().statusCode(200)
                .extract().path("items.id");
        assertTrue(matches.containsAll(List.of((int) lighthouse, (int) ferry, (int) twin)), "" + matches);
    }

    @Test
    void codesKeptInAFileComeBackWithTheWritesSinceAndOnlyForTheirOwnCentroids() throws Exception {
        Source source = DeskData.source("River board", SourceKind.government);
        long weir = DeskData.claim(source, "The weir below the old mill was raised by half a metre last spring.").id;
        float[] query = Embedder.dequantize(HexFormat.of().parseHex(vector(weir)));
        assertArrayEquals(new long[] { weir }, shortlist(query, 1));
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("codes").resolve(MeaningCodes.SNAPSHOT);
        assertTrue(codes.saveTo(file));

        // written after the file: found through the rows written since, not the file
        long sluice = DeskData.claim(source, "A sluice gate upstream of the mill was widened by a third.").id;
        assertEquals(1, DeskData.number("WITH edited AS (UPDATE claim_embedding SET vector = (SELECT vector FROM "
                + "claim_embedding WHERE claim_id = ?2) WHERE claim_id = ?1 RETURNING 1) SELECT count(*) FROM edited",
                sluice, weir));
        codes.forget();
        assertTrue(codes.restoreFrom(file), "the file fits this desk");
        long[] found = shortlist(query, 2);
        Arrays.sort(found);
        long[] expected = { weir, sluice };
        Arrays.sort(expected);
        assertArrayEquals(expected, found);
        assertFalse(codes.restoreFrom(file), "codes already in memory are kept");

        codes.forget();
        assertNull(MeaningCodes.restore(file, Arrays.deepHashCode(centroids.current()) + 1, Long.MAX_VALUE),
                "codes of other centroids are not used");
        assertNull(MeaningCodes.restore(file, Arrays.deepHashCode(centroids.current()), 0),
                "nor those of a database that has not written as far");
        assertArrayEquals(new long[] { weir }, shortlist(query, 1), "the codes are read from the database again");
    }

    private static String baseOf(String editPage) {
        Matcher m = Pattern.compile("name=\"base\" value=\"([^\"]*)\"").matcher(editPage);
        assertTrue(m.find(), "the edit form carries the values it was opened with");
        return m.group(1).replace("&amp;", "&");
    }
}
