package org.claimdesk.workflow;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class NotesTest {

    @Test
    void aReviewersNoteIsShownWithAuthorAndTimeToEveryoneSignedInAndNeverPublicly() {
        Reviewers a = new Reviewers();
        long id = Reviewers.claim("Notes are internal " + System.nanoTime());
        a.browser.get("/claims/" + id);
        Response written = a.browser.post("/claims/" + id + "/notes", "text", "Emailed the ministry; waiting.");
        assertEquals(303, written.statusCode(), written.asString());
        assertTrue(written.header("Location").endsWith("/claims/" + id + "#notes"));

        DeskClient viewer = Accounts.logIn(Role.viewer);
        String page = viewer.get("/claims/" + id).asString();
        assertTrue(page.contains("Emailed the ministry; waiting.") && page.contains("<strong>" + a.name + "</strong>"),
                page);
        assertTrue(page.contains("<time datetime="), "the note's time is shown");
        assertFalse(page.contains("id=\"note-form\""), "a viewer reads notes but writes none");
        assertEquals(403, viewer.post("/claims/" + id + "/notes", "text", "A viewer's note").statusCode());

        List<Map<String, Object>> notes = a.api().get("/api/claims/" + id).then().extract().path("notes");
        assertEquals(1, notes.size());
        assertEquals(a.name, notes.get(0).get("author"));

        // published, the public page holds nothing of it
        a.decide(id, "verified");
        String slug = a.publish(id).then().statusCode(201).extract().path("slug");
        String publicPage = given().get("/fact-checks/" + slug).then().statusCode(200).extract().asString();
        assertFalse(publicPage.contains("Emailed the ministry"), publicPage);
        String feed = given().get("/fact-checks.jsonld").asString() + given().get("/fact-checks.atom").asString();
        assertFalse(feed.contains("Emailed the ministry"));
    }

    @Test
    void anEmptyNoteIsRefusedAndNothingIsStored() {
        Reviewers a = new Reviewers();
        long id = Reviewers.claim("Empty note " + System.nanoTime());
        Response refused = a.api().body(Map.of("text", "  \n ")).post("/api/claims/" + id + "/notes");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.contentType().startsWith("application/problem+json"));
        assertTrue(refused.asString().contains("Enter the note"), refused.asString());
        assertEquals(0, DeskData.number("select count(*) from claim_note where claim_id = ?1", id));
    }

    @Test
    void aMentionPutsTheClaimInThatReviewersQueueWithTheNoteUntilTheyOpenIt() {
        Reviewers a = new Reviewers();
        Reviewers b = new Reviewers();
        String statement = "Mentioned claim " + System.nanoTime();
        long id = Reviewers.claim(statement);
        Response written = a.api().body(Map.of("text", "@" + b.name + " can you call the embassy? Also @nobody-here."))
                .post("/api/claims/" + id + "/notes");
        assertEquals(201, written.statusCode(), written.asString());
        assertEquals(List.of(b.name), written.jsonPath().getList("mentioned"));
        assertEquals(List.of("nobody-here"), written.jsonPath().getList("unknownMentions"));

        String dashboard = b.browser.get("/").asString();
        assertTrue(dashboard.contains(statement) && dashboard.contains(a.name + " mentioned you")
                && dashboard.contains("can you call the embassy?"), dashboard);
        assertFalse(a.browser.get("/").asString().contains(a.name + " mentioned you"));

        b.browser.get("/claims/" + id); // opening it answers the mention
        assertFalse(b.browser.get("/").asString().contains(a.name + " mentioned you"));
        assertEquals(1, DeskData.number("select count(*) from claim_queue_item where claim_id = ?1 and "
                + "cleared_at is not null", id));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteANote() {
        Reviewers a = new Reviewers();
        long id = Reviewers.claim("Append-only notes " + System.nanoTime());
        a.api().body(Map.of("text", "First thoughts.")).post("/api/claims/" + id + "/notes").then().statusCode(201);
        assertThrows(RuntimeException.class,
                () -> DeskData.number("UPDATE claim_note SET text = 'rewritten' WHERE claim_id = ?1 RETURNING 1", id));
        assertThrows(RuntimeException.class,
                () -> DeskData.number("DELETE FROM claim_note WHERE claim_id = ?1 RETURNING 1", id));
        assertEquals(List.of("First thoughts."), DeskData.strings("select text from claim_note where claim_id = ?1", id));
    }

    @Test
    void withApprovalOffTheDeciderStillPublishesAtOnce() {
        Reviewers a = new Reviewers();
        long id = Reviewers.claim("Default publishing " + System.nanoTime());
        a.decide(id, "disputed");
        assertEquals(201, a.publish(id).statusCode());
        assertFalse(a.browser.get("/").asString().contains("Awaiting my approval"));
    }
}
