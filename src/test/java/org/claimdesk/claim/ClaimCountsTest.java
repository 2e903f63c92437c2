package org.claimdesk.claim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The claim counts the database keeps (V12) for the dashboard, the lists and source profiles stay exactly what
 * counting the claims gives, after every kind of change: new claims, decisions and a merge that moves claims.
 */
@QuarkusTest
class ClaimCountsTest {

    @Test
    void theKeptCountsEqualTheClaimsAfterNewClaimsDecisionsAndAMerge() {
        String reviewer = Accounts.create(Role.reviewer);
        Source kept = DeskData.source("Counted ministry", SourceKind.government);
        Source duplicate = DeskData.source("Counted ministry duplicate", SourceKind.government);
        long first = create(reviewer, kept, "The ministry says exports doubled.");
        long second = create(reviewer, duplicate, "The ministry says imports halved.");
        create(reviewer, duplicate, "The ministry says tariffs fell.");
        assertKeptCountsMatchTheClaims();
        assertEquals(List.of("0", "0", "1"), profileCounts(kept), "verified, disputed, unverified of one source");

        decide(reviewer, first, "disputed", 0);
        decide(reviewer, second, "verified", 0);
        decide(reviewer, second, "disputed", 1);
        assertKeptCountsMatchTheClaims();
        assertEquals(List.of("0", "1", "0"), profileCounts(kept));

        DeskClient admin = Accounts.logInAsAdmin();
        admin.get("/sources/" + duplicate.id).then().statusCode(200);
        admin.post("/sources/" + duplicate.id + "/merge", "target", kept.name, "version", "" + duplicate.version)
                .then().statusCode(303);
        assertKeptCountsMatchTheClaims();
        assertEquals(List.of("0", "2", "1"), profileCounts(kept), "the duplicate's claims counted under the kept");
        assertEquals(0, DeskData.number("SELECT count(*) FROM source_status_count WHERE source_id = ?1", duplicate.id),
                "the merged source's counts went with it");
    }

    private static long create(String reviewer, Source source, String statement) {
        return ((Number) given().auth().preemptive().basic(reviewer, Accounts.PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("statement", Accounts.uniqueName(statement), "sourceId", source.id))
                .post("/api/claims").then().statusCode(201).extract().path("id")).longValue();
    }

    private static void decide(String reviewer, long claimId, String status, long version) {
        given().auth().preemptive().basic(reviewer, Accounts.PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("status", status, "rationale", "Checked against the records.", "version", version))
                .post("/api/claims/" + claimId + "/verdicts").then().statusCode(201)
                .body(containsString("\"status\":\"" + status + "\""));
    }

    /** The profile's counts by status, in the order verified, disputed, unverified, as the API reports them. */
    private static List<String> profileCounts(Source source) {
        Map<String, Integer> counts = given().auth().preemptive().basic(Accounts.create(Role.viewer), Accounts.PASSWORD)
                .get("/api/sources/" + source.id).then().statusCode(200).extract().path("counts");
        return List.of("" + counts.get("verified"), "" + counts.get("disputed"), "" + counts.get("unverified"));
    }

    private static void assertKeptCountsMatchTheClaims() {
        assertEquals(0, DeskData.number("""
                SELECT count(*) FROM (SELECT status, count(*) AS n FROM claim GROUP BY status) c
                FULL JOIN (SELECT status, sum(claims) AS n FROM claim_status_count GROUP BY status) k USING (status)
                WHERE c.n IS DISTINCT FROM k.n AND coalesce(c.n, 0) + coalesce(k.n, 0) > 0"""),
                "the desk's counts by status");
        assertEquals(0, DeskData.number("""
                SELECT count(*) FROM (SELECT source_id, status, count(*) AS n FROM claim GROUP BY 1, 2) c
                FULL JOIN (SELECT source_id, status, claims AS n FROM source_status_count WHERE claims <> 0) k
                    USING (source_id, status)
                WHERE c.n IS DISTINCT FROM k.n"""), "each source's counts by status");
    }
}
