package org.claimdesk.claim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.claimdesk.reviewer.Reviewer;
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

/** Odd but possible input, found by review: each gets a clear answer, never a 500, and nothing half-stored. */
@QuarkusTest
class ClaimEdgeCasesTest {

    @Test
    void aClaimWithNoSearchableWordsHasAPageAndOnlyMatchesByMeaning() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        Claim claim = DeskData.claim(DeskData.source("Terse", SourceKind.person), "It was not.");
        // related claims show at once (issue 14): no link to ask for them; ?related=true from old links still works
        reviewer.get("/claims/" + claim.id).then().statusCode(200)
                .body(not(containsString("Find claims that say much the same")));
        reviewer.get("/claims/" + claim.id + "?related=true").then().statusCode(200);
        // no word of it is searchable, so whatever matches shares its meaning only
        given().auth().preemptive().basic(Accounts.create(Role.viewer), Accounts.PASSWORD)
                .get("/api/claims/" + claim.id + "/related").then().statusCode(200)
                .body("items.why", everyItem(equalTo("meaning only")));
    }

    @Test
    void outOfRangeDatesCursorsAndNumbersGet400NotA500() {
        DeskClient viewer = Accounts.logIn(Role.viewer);
        for (String path : List.of("/claims?after=%2B999999999-01-01T00:00:00Z_1", "/claims?before=-1000000000-01-01T00:00:00Z_1",
                "/claims?from=-5000-01-01", "/claims?from=2025-02-01&to=2025-01-01", "/articles?after=%2B999999999-01-01T00:00:00Z_1",
                "/sources?after=%00", "/claims?size=99999999999", "/claims/new?sourceId=abc")) {
            int status = viewer.follow(path).statusCode();
            assertTrue(status == 400 || status == 403, path + " answered " + status);
        }
        String user = Accounts.create(Role.viewer);
        for (String path : List.of("/api/claims?size=abc", "/api/claims?page=2147483648", "/api/claims?from=-5000-01-01")) {
            given().urlEncodingEnabled(false).auth().preemptive().basic(user, Accounts.PASSWORD).get(path).then()
                    .statusCode(400);
        }
        viewer.get("/claims/abc").then().statusCode(404);
    }

    @Test
    void strictJsonNamesAMisspeltFieldAndRefusesFractionalIds() {
        String reviewer = Accounts.create(Role.reviewer);
        Source source = DeskData.source("Strict", SourceKind.other);
        long before = DeskData.number("SELECT count(*) FROM claim WHERE source_id = ?1", source.id);
        given().auth().preemptive().basic(reviewer, Accounts.PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("statement", "Misspelt field.", "sourceId", source.id, "articleID", 1))
                .post("/api/claims").then().statusCode(400).body("detail", containsString("articleID"));
        given().auth().preemptive().basic(reviewer, Accounts.PASSWORD).contentType(ContentType.JSON)
                .body("{\"statement\": \"Fraction.\", \"sourceId\": " + source.id + ".5}")
                .post("/api/claims").then().statusCode(400).body("detail", containsString("sourceId"));
        assertEquals(before, DeskData.number("SELECT count(*) FROM claim WHERE source_id = ?1", source.id));
    }

    @Test
    void editingAClaimKeepsAnAssigneeWhoIsNoLongerActive() {
        DeskClient editor = Accounts.logIn(Role.reviewer);
        String departed = Accounts.create(Role.reviewer);
        Source source = DeskData.source("Assigned", SourceKind.other);
        Claim claim = DeskData.claim(source, "Assigned to someone who left.", ClaimStatus.unverified, departed);
        QuarkusTransaction.requiringNew().run(() -> Reviewer.findByUsername(departed).orElseThrow().active = false);
        long departedId = Accounts.find(departed).id;
        editor.get("/claims/" + claim.id + "/edit").then().statusCode(200)
                .body(containsString("value=\"" + departedId + "\" selected"));
        editor.post("/claims/" + claim.id, "version", "0", "statement", claim.statement, "source", source.name,
                "assigneeId", Long.toString(departedId), "tags", "kept").then().statusCode(303);
        assertEquals(departedId, DeskData.number("SELECT assignee_id FROM claim WHERE id = ?1", claim.id));
    }

    @Test
    void aQuoteThatIsNotInTheArticleIsRefused() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        Source source = DeskData.source("Quoted", SourceKind.news_outlet);
        long article = DeskData.article("Quote check", "The minister said the road opens in May.", source).id;
        reviewer.get("/claims/new");
        reviewer.post("/claims", "statement", "The road opens in June.", "quote", "opens in June", "source",
                source.name, "articleId", Long.toString(article)).then().statusCode(400)
                .body(containsString("The quote does not appear in the article"));
        reviewer.post("/claims", "statement", "The road opens in May.", "quote", "the road opens in May", "source",
                source.name, "articleId", Long.toString(article)).then().statusCode(303);
        assertEquals(1, DeskData.number("SELECT count(*) FROM claim WHERE article_id = ?1 AND quote_start = 18 "
                + "AND quote_end = 39", article));
    }

    @Test
    void moreEvidenceRowsKeepsWhatWasTypedAndDecidesNothing() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        Claim claim = DeskData.claim(DeskData.source("Evidence rows", SourceKind.other), "Many sources say so.");
        reviewer.get("/claims/" + claim.id);
        String page = reviewer.post("/claims/" + claim.id + "/verdicts", "version", "0", "status", "verified",
                "rationale", "Four reports agree.", "more", "1",
                "evidenceUrl", "https://a.example.org", "evidenceTitle", "A", "evidenceStance", "supports", "evidenceNote", "",
                "evidenceUrl", "https://b.example.org", "evidenceTitle", "B", "evidenceStance", "supports", "evidenceNote", "",
                "evidenceUrl", "https://c.example.org", "evidenceTitle", "C", "evidenceStance", "context", "evidenceNote", "")
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains("value=\"https://c.example.org\"") && page.contains("Four reports agree."));
        assertTrue(page.contains("id=\"evidenceUrl-5\""), "three empty rows after the three typed ones");
        assertEquals(0, DeskData.number("SELECT count(*) FROM review WHERE claim_id = ?1", claim.id));
    }

    @Test
    void reopeningAClaimThatIsAlreadyUnverifiedWithNothingToSayIsRefused() {
        String reviewer = Accounts.create(Role.reviewer);
        Claim claim = DeskData.claim(DeskData.source("Open", SourceKind.other), "Still open.");
        given().auth().preemptive().basic(reviewer, Accounts.PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("status", "unverified", "version", 0)).post("/api/claims/" + claim.id + "/verdicts")
                .then().statusCode(400).body("errors.field", hasItem("status"));
        given().auth().preemptive().basic(reviewer, Accounts.PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("status", "unverified", "version", 0, "rationale", "Waiting for the census."))
                .post("/api/claims/" + claim.id + "/verdicts").then().statusCode(201)
                .body("history[0].rationale", equalTo("Waiting for the census."));
    }

    @Test
    void aMergeRecordsTheMoveInEachClaimsHistoryAndRefusesStaleDecisions() {
        DeskClient admin = Accounts.logInAsAdmin();
        Source duplicate = DeskData.source("Duplicate agency", SourceKind.state_media);
        Source keeper = DeskData.source("Keeper agency", SourceKind.state_media);
        Claim claim = DeskData.claim(duplicate, "The harvest was a record.");
        admin.get("/sources/" + duplicate.id);
        admin.post("/sources/" + duplicate.id + "/merge", "target", keeper.name, "version", "0").then().statusCode(303);
        assertEquals(keeper.id.longValue(), DeskData.number("SELECT source_id FROM claim WHERE id = ?1", claim.id));
        assertEquals(1, DeskData.number("SELECT version FROM claim WHERE id = ?1", claim.id));
        assertEquals(1, DeskData.number("SELECT count(*) FROM claim_edit WHERE claim_id = ?1 "
                + "AND changes -> 0 ->> 'field' = 'source'", claim.id));
        admin.get("/claims/" + claim.id).then().statusCode(200).body(containsString(duplicate.name + " (merged)"));
        given().auth().preemptive().basic(Accounts.create(Role.reviewer), Accounts.PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("status", "verified", "rationale", "Seen before the merge.", "version", 0))
                .post("/api/claims/" + claim.id + "/verdicts").then().statusCode(409);
    }

    @Test
    void changingAQuoteWithoutTouchingItsOldPositionFindsTheNewOne() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        Source source = DeskData.source("Requoted", SourceKind.news_outlet);
        long article = DeskData.article("Requote", "The minister said the road opens in May. Critics doubt it.", source).id;
        long claim = DeskData.claimQuoting(article, 0, "The minister said the road opens in May.", source);
        reviewer.get("/claims/" + claim + "/edit").then().statusCode(200);
        reviewer.post("/claims/" + claim, "version", "0", "statement", "Quoted: the road opens in May.", "quote",
                "Critics doubt it.", "source", source.name, "articleId", Long.toString(article), "quoteStart", "0",
                "quoteEnd", "40").then().statusCode(303);
        assertEquals(41, DeskData.number("SELECT quote_start FROM claim WHERE id = ?1", claim));
        assertEquals(58, DeskData.number("SELECT quote_end FROM claim WHERE id = ?1", claim));
    }
}
