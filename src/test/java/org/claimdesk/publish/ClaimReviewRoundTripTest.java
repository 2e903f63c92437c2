package org.claimdesk.publish;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;

import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.DeskData;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Export ClaimReview for 100 decided claims, import it into a desk that does not know their claimants, and the
 * statements, sources and statuses come back the same.
 */
@QuarkusTest
class ClaimReviewRoundTripTest {

    /** What the round trip must keep of a claim. */
    record Kept(String statement, String source, SourceKind kind, String website, ClaimStatus status) {
    }

    @Test
    void exportingAHundredDecidedClaimsAndImportingThemKeepsStatementsSourcesAndStatuses() {
        Desk desk = new Desk();
        String run = Long.toString(System.nanoTime());
        List<Source> sources = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            Source source = DeskData.source("Round trip source " + s + " " + run,
                    s % 2 == 0 ? SourceKind.person : SourceKind.government, null);
            long id = source.id;
            int n = s;
            QuarkusTransaction.requiringNew().run(() -> Source.<Source> findById(id).website =
                    "https://source" + n + ".example.org/" + run);
            sources.add(source);
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ClaimStatus status = i % 3 == 0 ? ClaimStatus.verified : ClaimStatus.disputed;
            ids.add(DeskData.claim(sources.get(i % 10), "Round trip claim " + i + " of run " + run + ": "
                    + (i % 2 == 0 ? "prices rose 4%" : "crime fell by a fifth"), status, null).id);
        }
        List<Kept> before = ids.stream().map(ClaimReviewRoundTripTest::kept).toList();

        List<String> reviews = ids.stream().map(id -> desk.api().get("/api/claims/" + id + "/claimreview").then()
                .statusCode(200).extract().asString()).toList();
        List<String> urls = ids.stream().map(id -> desk.api().get("/api/claims/" + id + "/claimreview").then()
                .extract().<String> path("url")).toList();

        // a desk that has never heard of these claimants: the originals go by other names now
        QuarkusTransaction.requiringNew().run(() -> sources.forEach(s -> Source.<Source> findById(s.id).name =
                "Formerly " + s.name));

        String document = "[" + String.join(",", reviews) + "]";
        desk.api().body(document).post("/api/imports/claimreview").then().statusCode(200)
                .body("imported", equalTo(100)).body("skipped", equalTo(0)).body("rejected", hasSize(0));

        for (int i = 0; i < 100; i++) {
            String url = urls.get(i);
            long imported = QuarkusTransaction.requiringNew().call(() -> ImportedReview.<ImportedReview> findById(url)
                    .claim.id);
            assertNotEquals(ids.get(i), imported);
            Kept after = kept(imported);
            Kept original = before.get(i);
            assertEquals(original.statement(), after.statement());
            assertEquals(original.source(), after.source());
            assertEquals(original.website(), after.website());
            assertEquals(original.kind() == SourceKind.person ? SourceKind.person : SourceKind.other, after.kind(),
                    "a Person stays a person; an Organization's finer kind is not in ClaimReview");
            assertEquals(original.status(), after.status());
        }
        assertEquals(10, DeskData.number("select count(distinct c.source_id) from claimreview_import i "
                + "join claim c on c.id = i.claim_id where c.statement like ?", "%of run " + run + ":%"),
                "one new source per claimant, shared by its claims");

        desk.api().body(document).post("/api/imports/claimreview").then().statusCode(200)
                .body("imported", equalTo(0)).body("skipped", equalTo(100));
    }

    private static Kept kept(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Claim c = Claim.findById(id);
            return new Kept(c.statement, c.source.name, c.source.kind, c.source.website, c.status);
        });
    }
}
