package org.claimdesk.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.claimdesk.claim.Claim;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.DeskData;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class TriageTest {

    private static List<Long> claims(Source source, int n, String tag) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = DeskData.claim(source, "Triage claim " + i + " " + System.nanoTime()).id;
            if (tag != null) {
                QuarkusTransaction.requiringNew().run(() -> Claim.<Claim> findById(id).tags = new ArrayList<>(List.of(tag)));
            }
            ids.add(id);
        }
        return ids;
    }

    @Test
    void tickedClaimsAreAssignedTaggedAndPrioritisedWithOneHistoryEntryEachAndNoDecision() {
        Reviewers a = new Reviewers();
        Reviewers b = new Reviewers();
        Source source = DeskData.source("Triage", SourceKind.other);
        List<Long> ids = claims(source, 3, null);
        long bId = DeskData.number("select id from reviewer where username = ?1", b.name);
        a.browser.get("/claims?sourceId=" + source.id);
        Response done = a.browser.post("/claims/bulk", "scope", "selected", "ids", ids.get(0).toString(), "ids",
                ids.get(1).toString(), "filter", "/claims?sourceId=" + source.id, "listedAt", Instant.now().toString(),
                "assigneeId", Long.toString(bId), "addTag", "Election", "priority", "high");
        assertEquals(303, done.statusCode(), done.asString());
        assertTrue(done.header("Location").endsWith("/claims?sourceId=" + source.id), done.header("Location"));
        String list = a.browser.get("/claims?sourceId=" + source.id).asString();
        assertTrue(list.contains("Changed 2 claims."), list);
        for (long id : ids.subList(0, 2)) {
            assertEquals(List.of(b.name + "|{election}|high|unverified"), DeskData.strings("select u.username || '|' "
                    + "|| c.tags::text || '|' || c.priority || '|' || c.status from claim c join reviewer u on "
                    + "u.id = c.assignee_id where c.id = ?1", id));
            assertEquals(1, DeskData.number("select count(*) from claim_edit where claim_id = ?1", id));
            assertEquals(0, DeskData.number("select count(*) from review where claim_id = ?1", id));
        }
        assertEquals(0, DeskData.number("select count(*) from claim_edit where claim_id = ?1", ids.get(2)));
        String page = a.browser.get("/claims/" + ids.get(0)).asString();
        assertTrue(page.contains("priority") && page.contains("election") && page.contains(a.name
                + "</strong> edited the claim"), page);

        // priority filters and sorts the list
        String high = a.browser.get("/claims?sourceId=" + source.id + "&priority=high").asString();
        assertTrue(high.contains("data-claim=\"" + ids.get(0) + "\"") && !high.contains("data-claim=\"" + ids.get(2)
                + "\""), high);
        String sorted = a.browser.get("/claims?sourceId=" + source.id + "&sort=priority").asString();
        assertTrue(sorted.indexOf("data-claim=\"" + ids.get(1) + "\"") < sorted.indexOf("data-claim=\"" + ids.get(2)
                + "\""), "high before normal");
    }

    @Test
    void allClaimsOfAFilterChangeExceptThoseChangedSinceTheListWasShownWhichAreNamed() {
        Reviewers a = new Reviewers();
        Source source = DeskData.source("Triage filter", SourceKind.other);
        List<Long> ids = claims(source, 4, "batch");
        Instant listedAt = Instant.now();
        // someone edits one claim after the list was shown
        QuarkusTransaction.requiringNew().run(() -> Claim.<Claim> findById(ids.get(1)).claimDate = java.time.LocalDate
                .of(2024, 1, 1));
        Response report = a.api().body(Map.of("filter", Map.of("sourceId", source.id.toString(), "tag", "batch"),
                "priority", "low", "removeTags", List.of("batch"), "asOf", listedAt.toString()))
                .post("/api/claims/bulk");
        assertEquals(200, report.statusCode(), report.asString());
        assertEquals(3, report.jsonPath().getList("changed").size());
        assertEquals(List.of(ids.get(1).intValue()), report.jsonPath().getList("refused.id"));
        assertTrue(report.jsonPath().getString("refused[0].reason").contains("changed since the list was shown"));
        assertEquals(List.of("normal|{batch}"), DeskData.strings("select priority || '|' || tags::text from claim "
                + "where id = ?1", ids.get(1)));
        assertEquals(3, DeskData.number("select count(*) from claim where source_id = ?1 and priority = 'low' "
                + "and tags = '{}'", source.id));
    }

    @Test
    void aBulkChangeWithoutAChangeOrWithAStatusIsRefusedAndNothingIsStored() {
        Reviewers a = new Reviewers();
        Source source = DeskData.source("Triage refused", SourceKind.other);
        List<Long> ids = claims(source, 2, null);
        long edits = DeskData.number("select count(*) from claim_edit");
        Response nothing = a.api().body(Map.of("ids", ids)).post("/api/claims/bulk");
        assertEquals(400, nothing.statusCode());
        assertTrue(nothing.asString().contains("Choose what to change"), nothing.asString());
        Response status = a.api().body(Map.of("ids", ids, "status", "verified")).post("/api/claims/bulk");
        assertEquals(400, status.statusCode(), status.asString());
        Response badPriority = a.api().body(Map.of("ids", ids, "priority", "urgent")).post("/api/claims/bulk");
        assertEquals(400, badPriority.statusCode());
        assertTrue(badPriority.asString().contains("high, normal, low"), badPriority.asString());
        assertEquals(edits, DeskData.number("select count(*) from claim_edit"));
        assertEquals(0, DeskData.number("select count(*) from claim where source_id = ?1 and status <> 'unverified'",
                source.id));
    }

    @Test
    void priorityOrdersMyQueue() {
        Reviewers a = new Reviewers();
        Source source = DeskData.source("Triage queue", SourceKind.other);
        String low = "Queue low " + System.nanoTime();
        String high = "Queue high " + System.nanoTime();
        long lowId = DeskData.claim(source, low, org.claimdesk.claim.ClaimStatus.unverified, a.name).id;
        long highId = DeskData.claim(source, high, org.claimdesk.claim.ClaimStatus.unverified, a.name).id;
        a.api().body(Map.of("ids", List.of(highId), "priority", "high")).post("/api/claims/bulk").then().statusCode(200);
        a.api().body(Map.of("ids", List.of(lowId), "priority", "low")).post("/api/claims/bulk").then().statusCode(200);
        String dashboard = a.browser.get("/").asString();
        assertTrue(dashboard.indexOf(high) > 0 && dashboard.indexOf(high) < dashboard.indexOf(low), dashboard);
    }
}
