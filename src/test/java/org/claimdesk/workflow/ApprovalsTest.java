package org.claimdesk.workflow;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.claimdesk.support.DeskData;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** With CLAIMDESK_PUBLISH_REQUIRE_APPROVAL=true: a decision is published only once someone else approved it. */
@QuarkusTest
@TestProfile(ApprovalRequired.class)
class ApprovalsTest {

    @Test
    void theDecidersPublishIsRefusedUntilASecondReviewerApprovesThenItIsPublished() {
        Reviewers a = new Reviewers();
        Reviewers b = new Reviewers();
        long id = Reviewers.claim("Workers were sent abroad " + System.nanoTime());
        a.decide(id, "disputed");

        Response refused = a.publish(id);
        assertEquals(409, refused.statusCode());
        assertTrue(refused.asString().contains("You made the current decision"), refused.asString());
        assertEquals(0, DeskData.number("select count(*) from publication where claim_id = ?1", id));

        Response own = a.approve(id, a.version(id));
        assertEquals(403, own.statusCode());
        assertTrue(own.asString().contains("you cannot approve it yourself"), own.asString());
        assertEquals(0, DeskData.number("select count(*) from claim_approval where claim_id = ?1", id));

        Response approved = b.approve(id, b.version(id));
        assertEquals(201, approved.statusCode(), approved.asString());
        assertEquals(201, a.publish(id).statusCode());

        // the history and the API show it; the public page says two fact-checkers reviewed it, named as configured
        String page = a.browser.get("/claims/" + id).asString();
        assertTrue(page.contains(b.name + "</strong> approved the decision of " + a.name), page);
        List<Map<String, Object>> approvals = a.api().get("/api/claims/" + id).then().extract().path("approvals");
        assertEquals(1, approvals.size());
        assertEquals("approved", approvals.get(0).get("action"));
        assertEquals(b.name, approvals.get(0).get("reviewer"));
        assertEquals(true, approvals.get(0).get("current"));
        String slug = DeskData.strings("select slug from publication where claim_id = ?1", id).get(0);
        String publicPage = given().get("/fact-checks/" + slug).then().statusCode(200).extract().asString();
        assertTrue(publicPage.contains("Reviewed by two fact-checkers: " + a.name + " and " + b.name), publicPage);
    }

    @Test
    void anApprovalOfAnEarlierVersionIsRefusedAsStaleAndALaterDecisionLeavesAnApprovalBehind() {
        Reviewers a = new Reviewers();
        Reviewers b = new Reviewers();
        long id = Reviewers.claim("Shell output doubled " + System.nanoTime());
        a.decide(id, "verified");
        int seen = b.version(id);
        assertEquals(201, b.approve(id, seen).statusCode());
        a.decide(id, "disputed"); // a new decision: the approval was of the old one

        Response publish = a.publish(id);
        assertEquals(409, publish.statusCode());
        assertTrue(publish.asString().contains("another reviewer must approve it"), publish.asString());

        Response stale = b.approve(id, seen);
        assertEquals(409, stale.statusCode());
        assertTrue(stale.asString().contains("changed after you opened it"), stale.asString());
        assertEquals(1, DeskData.number("select count(*) from claim_approval where claim_id = ?1", id));
        assertEquals(201, b.approve(id, b.version(id)).statusCode());
        assertEquals(201, a.publish(id).statusCode());
    }

    @Test
    void anEditOfTheStatementVoidsTheApprovalButATagEditDoesNot() {
        Reviewers a = new Reviewers();
        Reviewers b = new Reviewers();
        long id = Reviewers.claim("Rail freight stopped " + System.nanoTime());
        a.decide(id, "verified");
        assertEquals(201, b.approve(id, b.version(id)).statusCode());
        Map<String, Object> claim = a.api().get("/api/claims/" + id).then().extract().path("$");
        a.browser.get("/claims/" + id + "/edit");
        Response tagged = a.browser.post("/claims/" + id, "statement", (String) claim.get("statement"), "source",
                (String) ((Map<?, ?>) claim.get("source")).get("name"), "tags", "rail", "version",
                claim.get("version").toString());
        assertEquals(303, tagged.statusCode(), tagged.asString());
        a.browser.get("/claims/" + id + "/edit");
        Response edited = a.browser.post("/claims/" + id, "statement", "Rail freight stopped entirely", "source",
                (String) ((Map<?, ?>) claim.get("source")).get("name"), "tags", "rail", "version",
                Integer.toString(a.version(id)));
        assertEquals(303, edited.statusCode(), edited.asString());

        Response publish = a.publish(id);
        assertEquals(409, publish.statusCode());
        assertTrue(publish.asString().contains("edited since"), publish.asString());
        assertTrue(a.browser.get("/claims/" + id).asString().contains("Needs approving again"));
    }

    @Test
    void sendingBackNeedsANoteAndPutsTheClaimInTheDecidersQueueUntilTheyDecideAgain() {
        Reviewers a = new Reviewers();
        Reviewers b = new Reviewers();
        long id = Reviewers.claim("Fifteen thousand workers " + System.nanoTime());
        a.decide(id, "disputed");
        Response noNote = b.sendBack(id, b.version(id), " ");
        assertEquals(400, noNote.statusCode());
        assertTrue(noNote.asString().contains("note"), noNote.asString());

        b.browser.get("/claims/" + id);
        Response sent = b.browser.post("/claims/" + id + "/approvals", "version", Integer.toString(b.version(id)),
                "action", "send_back", "note", "Table 3 counts contracts, not workers.");
        assertEquals(303, sent.statusCode(), sent.asString());
        assertEquals(1, DeskData.number("select count(*) from claim_queue_item where claim_id = ?1 and reason = "
                + "'sent_back' and cleared_at is null and reviewer_id = (select id from reviewer where username = ?2)",
                id, a.name));
        String dashboard = a.browser.get("/").asString();
        assertTrue(dashboard.contains("sent back to you by " + b.name) && dashboard.contains(
                "Table 3 counts contracts, not workers."), dashboard);
        String page = a.browser.get("/claims/" + id).asString();
        assertTrue(page.contains("sent the decision back") && page.contains("Table 3 counts contracts"), page);
        Response publish = a.publish(id);
        assertEquals(409, publish.statusCode());
        assertTrue(publish.asString().contains("sent your decision back"), publish.asString());

        a.decide(id, "verified");
        assertFalse(a.browser.get("/").asString().contains("sent back to you by " + b.name),
                "a new decision answers the sending-back");
    }

    @Test
    void theDashboardListsDecisionsAwaitingMyApprovalButNotMyOwn() {
        Reviewers a = new Reviewers();
        Reviewers b = new Reviewers();
        String statement = "Awaiting a second look " + System.nanoTime();
        long id = Reviewers.claim(statement);
        a.decide(id, "verified");
        assertTrue(awaiting(b).contains(statement), "B sees A's decision awaiting approval");
        assertFalse(awaiting(a).contains(statement), "A is not asked to approve their own");
        b.approve(id, b.version(id));
        assertFalse(awaiting(b).contains(statement), "answered, it leaves the list");
    }

    /** The dashboard's "Awaiting my approval" panel. */
    private static String awaiting(Reviewers who) {
        String page = who.browser.get("/").asString();
        int start = page.indexOf("id=\"awaiting-approval\"");
        assertTrue(start > 0, "the panel is shown with approval required");
        return page.substring(start, page.indexOf("</section>", start));
    }

    @Test
    void theDatabaseRefusesAnOwnApprovalAndAnyChangeOfOne() {
        Reviewers a = new Reviewers();
        Reviewers b = new Reviewers();
        long id = Reviewers.claim("Raw SQL cannot approve " + System.nanoTime());
        a.decide(id, "verified");
        assertThrows(RuntimeException.class, () -> DeskData.number("INSERT INTO claim_approval (id, claim_id, "
                + "review_id, reviewer_id, action, claim_version) SELECT nextval('claim_approval_seq'), ?1, r.id, "
                + "r.reviewer_id, 'approved', 1 FROM review r WHERE r.claim_id = ?1 RETURNING 1", id));
        b.approve(id, b.version(id));
        assertThrows(RuntimeException.class, () -> DeskData.number("UPDATE claim_approval SET note = 'x' "
                + "WHERE claim_id = ?1 RETURNING 1", id));
        assertThrows(RuntimeException.class, () -> DeskData.number("DELETE FROM claim_approval "
                + "WHERE claim_id = ?1 RETURNING 1", id));
        assertEquals(1, DeskData.number("select count(*) from claim_approval where claim_id = ?1", id));
    }
}
