package org.claimdesk.attribution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimStatus;
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
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class AttributionTest {

    private static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, Accounts.PASSWORD).contentType(ContentType.JSON);
    }

    private static int version(String reviewer, long id) {
        return as(reviewer).get("/api/claims/" + id).then().statusCode(200).extract().path("version");
    }

    private static Map<String, Object> attributionVerdict(String status, String rationale, int version) {
        return Map.of("status", status, "rationale", rationale, "version", version, "evidence",
                List.of(Map.of("url", "https://kcna.example.org/report", "title", "KCNA's own report",
                        "stance", "supports", "note", "")));
    }

    @Test
    void anAttributionDecisionIsKeptApartFromTheTruthVerdictWithItsOwnHistoryAndAStaleOneGets409() {
        String alice = Accounts.create(Role.reviewer);
        String bob = Accounts.create(Role.reviewer);
        Claim claim = DeskData.claim(DeskData.source("kcna", SourceKind.state_media), "Shell output doubled.");

        as(alice).body(attributionVerdict("confirmed", "KCNA's own report carries it.", 0))
                .post("/api/claims/" + claim.id + "/attribution-verdicts").then().statusCode(201)
                .body("status", equalTo("unverified")).body("attribution.status", equalTo("confirmed"))
                .body("attribution.history", hasSize(1))
                .body("attribution.history[0].previousStatus", equalTo("unconfirmed"))
                .body("attribution.history[0].reviewer", equalTo(alice))
                .body("attribution.history[0].evidence[0].title", equalTo("KCNA's own report"))
                .body("history", hasSize(0));
        // the same version again: someone decided the attribution meanwhile
        as(bob).body(attributionVerdict("misattributed", "Not on KCNA's site.", 0))
                .post("/api/claims/" + claim.id + "/attribution-verdicts").then().statusCode(409)
                .contentType(containsString("application/problem+json"));
        // a truth decision from the version before the attribution decision still stands: they are apart
        as(bob).body(Map.of("status", "disputed", "rationale", "Satellite images show no new lines.", "version", 0))
                .post("/api/claims/" + claim.id + "/verdicts").then().statusCode(201)
                .body("status", equalTo("disputed")).body("attribution.status", equalTo("confirmed"));
        // and an attribution decision from before that truth decision stands too
        as(bob).body(attributionVerdict("misattributed", "The quote is not in the report after all.", 1))
                .post("/api/claims/" + claim.id + "/attribution-verdicts").then().statusCode(201)
                .body("attribution.status", equalTo("misattributed")).body("attribution.history", hasSize(2));
        // no rationale, no status: 400 naming the fields, nothing stored
        as(bob).body(Map.of("status", "sure", "version", version(bob, claim.id)))
                .post("/api/claims/" + claim.id + "/attribution-verdicts").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("status", "rationale"));
        assertEquals(2, DeskData.number("SELECT count(*) FROM attribution_review WHERE claim_id = ?1", claim.id));
        assertEquals(1, DeskData.number("SELECT count(*) FROM review WHERE claim_id = ?1", claim.id));
        assertEquals("misattributed", DeskData.strings("SELECT attribution_status FROM claim WHERE id = ?1",
                claim.id).get(0));
    }

    @Test
    void attributionHistoryCannotBeRewrittenEvenBySql() {
        String alice = Accounts.create(Role.reviewer);
        Claim claim = DeskData.claim(DeskData.source("kcna", SourceKind.state_media), "Exports rose.");
        as(alice).body(attributionVerdict("confirmed", "In the report.", 0))
                .post("/api/claims/" + claim.id + "/attribution-verdicts").then().statusCode(201);
        try {
            QuarkusTransaction.requiringNew().run(() -> Claim.getEntityManager()
                    .createNativeQuery("UPDATE attribution_review SET rationale = 'rewritten' WHERE claim_id = :id")
                    .setParameter("id", claim.id).executeUpdate());
            throw new AssertionError("the update went through");
        } catch (RuntimeException refused) {
            assertTrue(String.valueOf(refused).contains("append-only") || String.valueOf(refused.getCause())
                    .length() > 0, refused.toString());
        }
        assertEquals(List.of("In the report."), DeskData.strings(
                "SELECT rationale FROM attribution_review WHERE claim_id = ?1", claim.id));
    }

    @Test
    void aClaimIsAddedWithItsRelayChainKindAndRecheckDateAndTheApiEditsThem() {
        String reviewer = Accounts.create(Role.reviewer);
        Source nis = DeskData.source("nis", SourceKind.intelligence_agency);
        Source yonhap = DeskData.source("yonhap", SourceKind.news_outlet);
        Source lawmaker = DeskData.source("lawmaker", SourceKind.person);
        int id = as(reviewer).body(Map.of("statement", "About 15,000 workers were sent to Russia.", "sourceId", nis.id,
                "relayedBy", List.of(yonhap.id, lawmaker.id), "attributionKind", "anonymous_official",
                "recheckOn", "2030-01-15")).post("/api/claims").then().statusCode(201)
                .body("version", equalTo(0)).body("attribution.kind", equalTo("anonymous_official"))
                .body("attribution.relayedBy.name", equalTo(List.of(yonhap.name, lawmaker.name)))
                .body("attribution.status", equalTo("unconfirmed")).body("recheckOn", equalTo("2030-01-15"))
                .body("resolvedAfterDays", nullValue()).body("otherReviews", hasSize(0))
                .extract().path("id");

        as(reviewer).body(Map.of("relayedBy", List.of(lawmaker.id), "attributionKind", "paraphrase", "version", 0))
                .put("/api/claims/" + id + "/attribution").then().statusCode(200)
                .body("attribution.relayedBy.name", equalTo(List.of(lawmaker.name)))
                .body("attribution.kind", equalTo("paraphrase")).body("recheckOn", nullValue())
                .body("version", equalTo(1));
        // stale, an unknown kind, the claim's own source as its relay: refused, nothing changes
        as(reviewer).body(Map.of("relayedBy", List.of(), "version", 0)).put("/api/claims/" + id + "/attribution")
                .then().statusCode(409);
        as(reviewer).body(Map.of("attributionKind", "rumour", "version", 1)).put("/api/claims/" + id + "/attribution")
                .then().statusCode(400).body("errors[0].field", equalTo("attributionKind"));
        as(reviewer).body(Map.of("relayedBy", List.of(nis.id), "version", 1)).put("/api/claims/" + id + "/attribution")
                .then().statusCode(400).body("errors[0].field", equalTo("relayedBy"));
        as(reviewer).body(Map.of("statement", "x", "sourceId", nis.id, "relayedBy", List.of(987654321L)))
                .post("/api/claims").then().statusCode(400).body("errors[0].field", equalTo("relayedBy"));
        assertEquals(1, DeskData.number("SELECT count(*) FROM claim_relay WHERE claim_id = ?1", (long) id));
        // the edit is in the claim's history, field by field
        assertEquals(1, DeskData.number("SELECT count(*) FROM claim_edit WHERE claim_id = ?1 "
                + "AND changes::text LIKE '%relayed by%'", (long) id));
    }

    @Test
    void theClaimFormEditsRelaysKindAndRecheckDateWithoutJavascript() {
        String username = Accounts.create(Role.reviewer);
        DeskClient reviewer = DeskClient.loggedIn(username, Accounts.PASSWORD);
        Source source = DeskData.source("ministry", SourceKind.government);
        Source relay = DeskData.source("Yonhap", SourceKind.news_outlet);
        Claim claim = DeskData.claim(source, "Grain output rose 4%.");
        String form = reviewer.get("/claims/" + claim.id + "/edit").then().statusCode(200)
                .body(containsString("name=\"relayedBy\"")).body(containsString("name=\"attributionKind\""))
                .body(containsString("name=\"recheckOn\"")).extract().asString();
        assertTrue(form.contains("value=\"state_media_report\""), "the kinds are offered");
        reviewer.post("/claims/" + claim.id, "version", "0", "statement", claim.statement, "source", source.name,
                "relayedBy", relay.name, "attributionKind", "official_statement", "recheckOn", "2031-02-03")
                .then().statusCode(303);
        String page = reviewer.get("/claims/" + claim.id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Official statement") && page.contains(relay.name) && page.contains("2031"), page);
        // an unknown relay comes back on the form with its message, and nothing is stored
        reviewer.get("/claims/" + claim.id + "/edit");
        reviewer.post("/claims/" + claim.id, "version", "1", "statement", claim.statement, "source", source.name,
                "relayedBy", "No Such Outlet Anywhere", "attributionKind", "", "recheckOn", "")
                .then().statusCode(400).body(containsString("No source is called"))
                .body(containsString("No Such Outlet Anywhere"));
        assertEquals(List.of(relay.id.toString()), DeskData.strings(
                "SELECT source_id::text FROM claim_relay WHERE claim_id = ?1", claim.id));
    }

    @Test
    void theAttributionFormDecidesFromTheClaimPageAndMisattributedShowsInTheListAndItsFilter() {
        String username = Accounts.create(Role.reviewer);
        DeskClient reviewer = DeskClient.loggedIn(username, Accounts.PASSWORD);
        Claim claim = DeskData.claim(DeskData.source("agency", SourceKind.state_media), "Rice rations doubled.");
        Claim other = DeskData.claim(DeskData.source("agency", SourceKind.state_media), "Rice rations halved.");
        reviewer.get("/claims/" + claim.id).then().statusCode(200).body(containsString("Did "))
                .body(containsString("Attribution unconfirmed"));
        reviewer.post("/claims/" + claim.id + "/attribution-verdicts", "version", "0", "status", "misattributed",
                "rationale", "The agency never ran this; a foreign site made it up.", "evidenceUrl",
                "https://agency.example.org/archive", "evidenceTitle", "Agency archive", "evidenceStance", "refutes")
                .then().statusCode(303).header("Location", containsString("/claims/" + claim.id));
        reviewer.get("/claims/" + claim.id).then().statusCode(200).body(containsString("id=\"claim-misattributed\""))
                .body(containsString("Agency archive")).body(containsString("a foreign site made it up"));
        // a refused form comes back as typed with a 400
        reviewer.post("/claims/" + claim.id + "/attribution-verdicts", "version", "1", "status", "confirmed",
                "rationale", "").then().statusCode(400).body(containsString("not saved"));
        reviewer.post("/claims/" + claim.id + "/attribution-verdicts", "version", "0", "status", "confirmed",
                "rationale", "Found it.").then().statusCode(409).body(containsString("not saved"));

        String list = reviewer.get("/claims?attribution=misattributed").then().statusCode(200).extract().asString();
        assertTrue(list.contains("Rice rations doubled.") && !list.contains("Rice rations halved."), list);
        assertTrue(list.contains("attribution-misattributed"));
        reviewer.get("/claims?attribution=maybe").then().statusCode(400);
        as(username).get("/api/claims?attribution=misattributed&sourceId=" + claim.source.id).then().statusCode(200)
                .body("items.id", equalTo(List.of(claim.id.intValue()))).body("total", equalTo(1));
        assertTrue(other.id > 0);
    }

    @Test
    void aPublishedMisattributedClaimSaysSoOnItsPublicPageAndInItsClaimReview() {
        String reviewer = Accounts.create(Role.reviewer);
        Claim claim = DeskData.claim(DeskData.source("agency", SourceKind.state_media), "Coal exports tripled.");
        as(reviewer).body(Map.of("status", "disputed", "rationale", "Customs data shows a fall.", "version", 0))
                .post("/api/claims/" + claim.id + "/verdicts").then().statusCode(201);
        as(reviewer).body(attributionVerdict("misattributed", "The agency never said it.", 1))
                .post("/api/claims/" + claim.id + "/attribution-verdicts").then().statusCode(201);
        String slug = as(reviewer).post("/api/claims/" + claim.id + "/publication").then().statusCode(201)
                .extract().path("slug");
        String page = given().get("/fact-checks/" + slug).then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"misattributed\""), page);
        JsonPath review = as(reviewer).get("/api/claims/" + claim.id + "/claimreview").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("Misattributed", review.getString("reviewRating.alternateName"));
        assertEquals(1, review.getInt("reviewRating.ratingValue"));
    }

    @Test
    void theSourceProfileShowsItsCalibratedTrackRecordFromTheKeptCountsAndTheClaimsItRelayed() {
        String reviewer = Accounts.create(Role.reviewer);
        Source nis = DeskData.source("nis", SourceKind.intelligence_agency);
        Source yonhap = DeskData.source("yonhap", SourceKind.news_outlet);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long held = claimMadeOn(nis, "Troops moved north.", today.minusDays(10));
        long failed = claimMadeOn(nis, "A satellite launched.", today.minusDays(30));
        long misattributed = claimMadeOn(nis, "The leader's daughter is heir.", today.minusDays(100));
        claimMadeOn(nis, "Open question.", today.minusDays(5));
        decide(reviewer, held, "verified");
        decide(reviewer, failed, "disputed");
        as(reviewer).body(attributionVerdict("misattributed", "NIS denied briefing this.", 0))
                .post("/api/claims/" + misattributed + "/attribution-verdicts").then().statusCode(201);
        int relayed = as(reviewer).body(Map.of("statement", "Workers were sent abroad.", "sourceId",
                DeskData.source("lawmaker", SourceKind.person).id, "relayedBy", List.of(nis.id)))
                .post("/api/claims").then().statusCode(201).extract().path("id");

        as(reviewer).get("/api/sources/" + nis.id).then().statusCode(200)
                .body("trackRecord.resolved", equalTo(3)).body("trackRecord.heldUp", equalTo(1))
                .body("trackRecord.didNotHold", equalTo(1)).body("trackRecord.misattributed", equalTo(1))
                .body("trackRecord.medianDaysToResolve", equalTo(30.0f));
        as(reviewer).get("/api/claims/" + failed).then().body("resolvedAfterDays", equalTo(30));
        String profile = DeskClient.loggedIn(reviewer, Accounts.PASSWORD).get("/sources/" + nis.id).then()
                .statusCode(200).extract().asString();
        assertTrue(profile.contains("id=\"track-resolved\">3<"), profile);
        assertTrue(profile.contains("30 days") && profile.contains("<svg") && profile.contains("bar-misattributed"));
        assertTrue(profile.contains("Claims it relayed") && profile.contains("/claims/" + relayed));
        // the kept counts equal a count of the claims themselves
        assertEquals(DeskData.number("SELECT count(*) FROM claim WHERE source_id = ?1 AND resolved_at IS NOT NULL",
                nis.id), DeskData.number("SELECT coalesce(sum(claims), 0) FROM source_outcome_count "
                        + "WHERE source_id = ?1", nis.id));
        // reopening a claim takes it out of the record
        decide(reviewer, held, "unverified");
        as(reviewer).get("/api/sources/" + nis.id).then().body("trackRecord.resolved", equalTo(2))
                .body("trackRecord.heldUp", equalTo(0)).body("trackRecord.medianDaysToResolve", equalTo(65.0f));
    }

    @Test
    void theDashboardListsUnverifiedClaimsDueForARecheck() {
        String username = Accounts.create(Role.reviewer);
        Source source = DeskData.source("agency", SourceKind.government);
        int due = as(username).body(Map.of("statement", "A purge is under way, due " + System.nanoTime(), "sourceId",
                source.id, "recheckOn", LocalDate.now(ZoneOffset.UTC).toString())).post("/api/claims").then()
                .statusCode(201).extract().path("id");
        int later = as(username).body(Map.of("statement", "A test is planned, later " + System.nanoTime(), "sourceId",
                source.id, "recheckOn", LocalDate.now(ZoneOffset.UTC).plusYears(1).toString())).post("/api/claims")
                .then().statusCode(201).extract().path("id");
        String dashboard = DeskClient.loggedIn(username, Accounts.PASSWORD).get("/").then().statusCode(200)
                .extract().asString();
        assertTrue(dashboard.contains("Due for a re-check"), dashboard);
        assertTrue(DeskData.number("SELECT count(*) FROM claim WHERE status = 'unverified' AND recheck_on <= "
                + "current_date") >= 1);
        assertTrue(!dashboard.contains("/claims/" + later + "\""), "a claim not yet due is not listed");
        assertTrue(due > 0);
    }

    @Test
    void anotherFactCheckersReviewOfTheSameClaimShowsOnTheClaimPageAndAConflictIsFlagged() {
        String reviewer = Accounts.create(Role.reviewer);
        Source senator = DeskData.source("Senator", SourceKind.person);
        Claim ours = DeskData.claim(senator, "Wages rose 20% last year.");
        as(reviewer).contentType("application/ld+json").body(Map.of("@context", "https://schema.org", "@type",
                "ClaimReview", "url", "https://politifact.example.org/" + System.nanoTime(), "claimReviewed",
                "  wages rose 20% last year ", "datePublished", "2024-05-02",
                "author", Map.of("@type", "Organization", "name", "PolitiFact"),
                "reviewRating", Map.of("@type", "Rating", "alternateName", "False"),
                "itemReviewed", Map.of("@type", "Claim", "author", Map.of("@type", "Person", "name", senator.name))))
                .post("/api/imports/claimreview").then().statusCode(200);
        DeskClient desk = DeskClient.loggedIn(reviewer, Accounts.PASSWORD);
        String page = desk.get("/claims/" + ours.id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Also checked by: ") && page.contains("PolitiFact, False (2024-05-02)"), page);
        assertTrue(!page.contains("id=\"other-reviews-conflict\""), "no conflict while ours is open");
        as(reviewer).body(Map.of("status", "verified", "rationale", "Payroll data agrees.", "version", 0))
                .post("/api/claims/" + ours.id + "/verdicts").then().statusCode(201)
                .body("otherReviews[0].organisation", equalTo("PolitiFact"))
                .body("otherReviews[0].status", equalTo("disputed"))
                .body("otherReviews[0].conflict", equalTo(true));
        desk.get("/claims/" + ours.id).then().body(containsString("id=\"other-reviews-conflict\""));
        // a claim by someone else with the same words is not the same claim
        Claim elsewhere = DeskData.claim(DeskData.source("Governor", SourceKind.person), "Wages rose 20% last year.");
        as(reviewer).get("/api/claims/" + elsewhere.id).then().body("otherReviews", hasSize(0));
        desk.get("/claims/" + elsewhere.id).then().body(not(containsString("PolitiFact")));
    }

    @Test
    void theApiDocumentDescribesTheAttributionEndpointsAndTheListFilter() {
        String viewer = Accounts.create(Role.viewer);
        JsonPath doc = given().auth().preemptive().basic(viewer, Accounts.PASSWORD).get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> paths = doc.getMap("paths");
        assertTrue(paths.containsKey("/api/claims/{id}/attribution-verdicts") && paths.containsKey(
                "/api/claims/{id}/attribution"), paths.keySet().toString());
        assertTrue(doc.getList("paths.'/api/claims'.get.parameters.name").contains("attribution"));
        assertTrue(doc.getString("paths.'/api/claims/{id}/attribution-verdicts'.post.summary").contains("attribution"));
    }

    private static long claimMadeOn(Source source, String statement, LocalDate made) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Claim claim = new Claim();
            claim.statement = statement;
            claim.source = Source.findById(source.id);
            claim.claimDate = made;
            claim.persist();
            return claim.id;
        });
    }

    private static void decide(String reviewer, long id, String status) {
        as(reviewer).body(Map.of("status", status, "rationale", "Checked against the record.", "version",
                version(reviewer, id))).post("/api/claims/" + id + "/verdicts").then().statusCode(201);
        assertTrue(ClaimStatus.parse(status).isPresent());
    }
}
