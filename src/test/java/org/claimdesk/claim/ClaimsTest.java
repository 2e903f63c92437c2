package org.claimdesk.claim;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ClaimsTest {

    private static final Pattern CLAIM_LOCATION = Pattern.compile("/claims/(\\d+)$");

    private static long idFrom(Response redirect) {
        Matcher m = CLAIM_LOCATION.matcher(redirect.header("Location"));
        assertTrue(m.find(), "redirect to a claim: " + redirect.header("Location"));
        return Long.parseLong(m.group(1));
    }

    @Test
    void aReviewerAddsAClaimDecidesItWithEvidenceAndTheTimelineShowsIt() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        Source source = DeskData.source("Port authority", SourceKind.government);
        reviewer.get("/claims/new?sourceId=" + source.id).then().statusCode(200)
                .body(containsString("value=\"" + source.name + "\""));
        Response created = reviewer.post("/claims", "statement", "Cargo volumes rose 40% in March.", "quote",
                "volumes rose 40%", "source", source.name.toUpperCase(), "tags", "Shipping, ports", "claimDate",
                "2025-03-31");
        created.then().statusCode(303);
        long id = idFrom(created);

        reviewer.get("/claims/" + id).then().statusCode(200)
                .body(containsString("Added the claim."))
                .body(containsString("Cargo volumes rose 40% in March."))
                .body(containsString(source.name))
                .body(containsString("status-unverified"))
                .body(containsString("><bdi>shipping</bdi></a>"));

        reviewer.post("/claims/" + id + "/verdicts", "version", "0", "status", "verified", "rationale",
                "The authority's monthly bulletin shows 41%.", "evidenceUrl", "https://port.example.org/bulletin",
                "evidenceTitle", "Monthly bulletin, March", "evidenceStance", "supports", "evidenceNote", "page 2",
                "evidenceUrl", "", "evidenceTitle", "", "evidenceStance", "supports", "evidenceNote", "")
                .then().statusCode(303).header("Location", endsWith("/claims/" + id + "#timeline"));
        String page = reviewer.get("/claims/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Recorded your decision: Verified."));
        assertTrue(page.contains("The authority&#39;s monthly bulletin shows 41%.") || page.contains("The authority's monthly bulletin shows 41%."), page);
        assertTrue(page.contains("href=\"https://port.example.org/bulletin\""));
        assertTrue(page.contains("Monthly bulletin, March"));
        assertEquals("verified", DeskData.findClaim(id).status.name());
        assertEquals(1, DeskData.number("SELECT count(*) FROM evidence e JOIN review r ON r.id = e.review_id "
                + "WHERE r.claim_id = ?1", id));
    }

    @Test
    void aSecondReviewerDecidingFromTheSameVersionSeesTheWinnerAndKeepsWhatTheyTyped() {
        DeskClient alice = Accounts.logIn(Role.reviewer);
        DeskClient bob = Accounts.logIn(Role.reviewer);
        Claim claim = DeskData.claim(DeskData.source("Mayor", SourceKind.person), "The bridge will open in June.");
        alice.get("/claims/" + claim.id);
        bob.get("/claims/" + claim.id);
        alice.post("/claims/" + claim.id + "/verdicts", "version", "0", "status", "verified", "rationale",
                "The council minutes confirm June.").then().statusCode(303);
        String conflict = bob.post("/claims/" + claim.id + "/verdicts", "version", "0", "status", "disputed",
                "rationale", "Contractor says September.", "evidenceUrl", "https://news.example.org/bridge",
                "evidenceTitle", "Contractor interview", "evidenceStance", "refutes", "evidenceNote", "")
                .then().statusCode(409).extract().asString();
        assertTrue(conflict.contains("Your decision was not saved"));
        assertTrue(conflict.contains("The council minutes confirm June."), "shows the winning rationale");
        assertTrue(conflict.contains("Contractor says September."), "keeps the typed rationale");
        assertTrue(conflict.contains("value=\"https://news.example.org/bridge\""), "keeps the typed evidence");
        assertTrue(conflict.contains("name=\"version\" value=\"1\""), "offers to resubmit from the new version");
        assertEquals(1, DeskData.number("SELECT count(*) FROM review WHERE claim_id = ?1", claim.id));

        // resubmitting knowingly records it after the winner
        bob.post("/claims/" + claim.id + "/verdicts", "version", "1", "status", "disputed", "rationale",
                "Contractor says September.").then().statusCode(303);
        assertEquals(List.of("verified", "disputed"),
                DeskData.strings("SELECT status FROM review WHERE claim_id = ?1 ORDER BY decided_at", claim.id));
    }

    @Test
    void aDecisionWithoutRationaleComesBackWithTheFieldMarkedAndNothingStored() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        Claim claim = DeskData.claim(DeskData.source("Union", SourceKind.ngo), "Wages fell for 10 years.");
        reviewer.get("/claims/" + claim.id);
        String page = reviewer.post("/claims/" + claim.id + "/verdicts", "version", "0", "status", "disputed",
                "rationale", " ", "evidenceUrl", "data:text/html,boom", "evidenceTitle", "Chart", "evidenceStance",
                "refutes", "evidenceNote", "").then().statusCode(400).extract().asString();
        assertTrue(page.contains("Enter a rationale."));
        assertTrue(page.contains("must be a web address starting with http:// or https://"));
        assertTrue(page.contains("value=\"data:text/html,boom\""), "keeps the typed link to correct it");
        assertEquals(0, DeskData.number("SELECT count(*) FROM review WHERE claim_id = ?1", claim.id));
    }

    @Test
    void editingAClaimIsRecordedAndAStaleEditIsRefusedWithBothVersionsShown() {
        DeskClient alice = Accounts.logIn(Role.reviewer);
        DeskClient bob = Accounts.logIn(Role.reviewer);
        Source source = DeskData.source("Weather office", SourceKind.government);
        Claim claim = DeskData.claim(source, "It rained for 40 days.");
        alice.get("/claims/" + claim.id + "/edit").then().statusCode(200).body(containsString("name=\"version\" value=\"0\""));
        bob.get("/claims/" + claim.id + "/edit");
        alice.post("/claims/" + claim.id, "version", "0", "statement", "It rained for 41 days.", "source",
                source.name, "tags", "weather").then().statusCode(303);
        String conflict = bob.post("/claims/" + claim.id, "version", "0", "statement", "It rained for 39 days.",
                "source", source.name).then().statusCode(409).extract().asString();
        assertTrue(conflict.contains("Someone else changed this claim after you opened it"));
        assertTrue(conflict.contains("It rained for 41 days."), "shows the current statement");
        assertTrue(conflict.contains("It rained for 39 days."), "keeps the typed statement");
        assertEquals("It rained for 41 days.", DeskData.findClaim(claim.id).statement);

        String history = alice.get("/claims/" + claim.id).then().statusCode(200).extract().asString();
        assertTrue(history.contains("edited the claim"));
        assertTrue(history.contains("It rained for 40 days.") && history.contains("It rained for 41 days."));
        assertEquals(1, DeskData.number("SELECT count(*) FROM claim_edit WHERE claim_id = ?1", claim.id));
    }

    @Test
    void theClaimFormHasErrorsShowsThemAndStoresNothing() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        reviewer.get("/claims/new");
        long before = DeskData.number("SELECT count(*) FROM claim");
        String page = reviewer.post("/claims", "statement", "", "source", "No such source anywhere", "claimDate",
                "31/12/2024").then().statusCode(400).extract().asString();
        assertTrue(page.contains("Enter the statement."));
        assertTrue(page.contains("No source is called &quot;No such source anywhere&quot;"));
        assertTrue(page.contains("must be a date written as YYYY-MM-DD"));
        assertEquals(before, DeskData.number("SELECT count(*) FROM claim"));
    }

    @Test
    void theListSearchesHighlightsSafelyAndFiltersByStatusInTheQueryString() {
        DeskClient viewer = Accounts.logIn(Role.viewer);
        Source source = DeskData.source("Harbour <b>board</b>", SourceKind.company);
        DeskData.claim(source, "Harbour dredging <script>alert(1)</script> finished early.");
        String page = viewer.get("/claims?q=dredging&sourceId=" + source.id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<mark>dredging</mark>"), "the match is highlighted");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the rest is escaped");
        assertTrue(!page.contains("<script>alert(1)"), "no raw script");
        assertTrue(page.contains("Harbour &lt;b&gt;board&lt;/b&gt;"));

        viewer.get("/claims?q=dredging&status=verified&sourceId=" + source.id).then().statusCode(200)
                .body(containsString("No claims match"));
        viewer.get("/claims?status=perhaps").then().statusCode(400).body(containsString("Filter by a status"));
        viewer.get("/claims?after=garbage").then().statusCode(400);
    }

    @Test
    void keysetPagesWalkEveryClaimOnceInBothDirections() {
        DeskClient viewer = Accounts.logIn(Role.viewer);
        Source source = DeskData.source("Pager", SourceKind.other);
        for (int i = 0; i < 7; i++) {
            DeskData.claim(source, "Numbered claim " + i);
        }
        String first = viewer.get("/claims?sourceId=" + source.id + "&size=3").then().statusCode(200).extract().asString();
        assertTrue(first.contains("Numbered claim 6") && first.contains("Numbered claim 4"));
        assertTrue(!first.contains("Numbered claim 3") && !first.contains("rel=\"prev\""));
        Matcher next = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"").matcher(first);
        assertTrue(next.find());
        String second = viewer.follow(next.group(1) + "&amp;size=3").then().statusCode(200).extract().asString();
        assertTrue(second.contains("Numbered claim 3") && second.contains("Numbered claim 1"));
        assertTrue(!second.contains("Numbered claim 4") && !second.contains("Numbered claim 0"));
        Matcher prev = Pattern.compile("rel=\"prev\" href=\"([^\"]+)\"").matcher(second);
        assertTrue(prev.find());
        String back = viewer.follow(prev.group(1) + "&amp;size=3").then().statusCode(200).extract().asString();
        assertTrue(back.contains("Numbered claim 6") && back.contains("Numbered claim 4") && !back.contains("Numbered claim 3"));
    }

    @Test
    void reviewersLinkClaimsAndTheLinkShowsOnBoth() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        Source source = DeskData.source("Linker", SourceKind.other);
        Claim a = DeskData.claim(source, "The plant employs 2,000 people.");
        Claim b = DeskData.claim(source, "The plant employs only 500 people.");
        reviewer.get("/claims/" + a.id);
        reviewer.post("/claims/" + a.id + "/links", "otherId", b.id.toString(), "kind", "contradicts", "note",
                "Different years?").then().statusCode(303);
        reviewer.get("/claims/" + b.id).then().statusCode(200).body(containsString("Contradicts"))
                .body(containsString("The plant employs 2,000 people.")).body(containsString("Different years?"));
        reviewer.post("/claims/" + a.id + "/links", "otherId", b.id.toString(), "kind", "same_claim")
                .then().statusCode(409);
        reviewer.post("/claims/" + a.id + "/links", "otherId", a.id.toString(), "kind", "same_claim")
                .then().statusCode(400);
        long linkId = DeskData.number("SELECT id FROM claim_link WHERE claim_id = ?1", Math.min(a.id, b.id));
        reviewer.post("/claims/" + b.id + "/links/" + linkId + "/delete").then().statusCode(303);
        assertEquals(0, DeskData.number("SELECT count(*) FROM claim_link WHERE claim_id = ?1 AND removed_at IS NULL",
                Math.min(a.id, b.id)));
        String history = reviewer.get("/claims/" + a.id).then().statusCode(200).extract().asString();
        assertTrue(history.contains("linked <a href=\"/claims/" + b.id + "\">claim #" + b.id + "</a>"), "the link stays in the history");
        assertTrue(history.contains("removed the link to"), "and so does its removal");
        // linking them again is possible once the old link is removed
        reviewer.post("/claims/" + a.id + "/links", "otherId", b.id.toString(), "kind", "same_claim").then().statusCode(303);
    }

    @Test
    void viewersReadButCannotWriteAndAnonymousVisitorsAreSentToLogin() {
        DeskClient viewer = Accounts.logIn(Role.viewer);
        Claim claim = DeskData.claim(DeskData.source("Readonly", SourceKind.other), "A claim viewers can read.");
        String page = viewer.get("/claims/" + claim.id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("A claim viewers can read."));
        assertTrue(!page.contains("Record decision") && !page.contains("Edit claim"));
        viewer.get("/claims").then().statusCode(200);
        viewer.get("/claims/new").then().statusCode(403);
        viewer.get("/claims/" + claim.id + "/edit").then().statusCode(403);
        for (String path : List.of("/claims", "/claims/" + claim.id, "/claims/" + claim.id + "/verdicts",
                "/claims/" + claim.id + "/links", "/claims/" + claim.id + "/links/1/delete")) {
            viewer.post(path, "statement", "x", "status", "verified", "rationale", "x", "version", "0", "otherId", "1",
                    "kind", "same_claim").then().statusCode(403);
        }
        assertEquals(0, DeskData.number("SELECT count(*) FROM review WHERE claim_id = ?1", claim.id));
        assertNull(DeskData.findClaim(claim.id).decidedAt);

        DeskClient anonymous = DeskClient.anonymous();
        for (String path : List.of("/claims", "/claims/new", "/claims/" + claim.id, "/claims/" + claim.id + "/edit")) {
            anonymous.get(path).then().statusCode(302).header("Location", containsString("/login"));
        }
        viewer.get("/claims/999999999").then().statusCode(404).body(containsString("There is no claim with id"));
    }

    @Test
    void aFormWithoutCsrfTokenIsRefusedAndDecidesNothing() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        Claim claim = DeskData.claim(DeskData.source("Csrf", SourceKind.other), "Forged decisions must fail.");
        reviewer.get("/claims/" + claim.id);
        reviewer.postWithoutToken("/claims/" + claim.id + "/verdicts", "version", "0", "status", "verified",
                "rationale", "forged").then().statusCode(400).body(not(containsString("Recorded your decision")));
        assertEquals(0, DeskData.number("SELECT count(*) FROM review WHERE claim_id = ?1", claim.id));
    }

    @Test
    void theFilterFormFindsASourceByAliasAndTheListAddressHoldsItsId() {
        DeskClient viewer = Accounts.logIn(Role.viewer);
        Source kcna = DeskData.demoClaim("Korean Central News Agency (KCNA)", "shell production").source;
        viewer.get("/claims?source=kcna&status=unverified").then().statusCode(303)
                .header("Location", containsString("sourceId=" + kcna.id)).header("Location", containsString("status=unverified"));
        viewer.get("/claims?source=Nobody+of+that+name").then().statusCode(400)
                .body(containsString("No source is called"));
    }

    private static String baseOf(String editPage) {
        Matcher m = Pattern.compile("name=\"base\" value=\"([^\"]*)\"").matcher(editPage);
        assertTrue(m.find(), "the edit form carries the values it was opened with");
        return m.group(1).replace("&amp;", "&");
    }

    @Test
    void editsOfDifferentFieldsFromTheSameVersionAreBothKept() {
        DeskClient alice = Accounts.logIn(Role.reviewer);
        DeskClient bob = Accounts.logIn(Role.reviewer);
        Source source = DeskData.source("Merge office", SourceKind.government);
        Claim claim = DeskData.claim(source, "Exports rose 5%.");
        String aliceBase = baseOf(alice.get("/claims/" + claim.id + "/edit").asString());
        String bobBase = baseOf(bob.get("/claims/" + claim.id + "/edit").asString());
        alice.post("/claims/" + claim.id, "version", "0", "base", aliceBase, "statement", "Exports rose 5.2%.",
                "source", source.name, "tags", "").then().statusCode(303);
        bob.post("/claims/" + claim.id, "version", "0", "base", bobBase, "statement", "Exports rose 5%.",
                "source", source.name, "tags", "trade").then().statusCode(303);
        Claim stored = DeskData.findClaim(claim.id);
        assertEquals("Exports rose 5.2%.", stored.statement, "Alice's statement is kept");
        assertEquals(List.of("trade"), stored.tags, "Bob's tags are kept");
        assertEquals(2, DeskData.number("SELECT count(*) FROM claim_edit WHERE claim_id = ?1", claim.id));
    }

    @Test
    void editsOfTheSameFieldFromTheSameVersionGiveA409ThatNamesTheField() {
        DeskClient alice = Accounts.logIn(Role.reviewer);
        DeskClient bob = Accounts.logIn(Role.reviewer);
        Source source = DeskData.source("Clash office", SourceKind.government);
        Claim claim = DeskData.claim(source, "Imports fell 3%.");
        String aliceBase = baseOf(alice.get("/claims/" + claim.id + "/edit").asString());
        String bobBase = baseOf(bob.get("/claims/" + claim.id + "/edit").asString());
        alice.post("/claims/" + claim.id, "version", "0", "base", aliceBase, "statement", "Imports fell 4%.",
                "source", source.name, "tags", "").then().statusCode(303);
        String conflict = bob.post("/claims/" + claim.id, "version", "0", "base", bobBase, "statement",
                "Imports fell 2%.", "source", source.name, "tags", "trade").then().statusCode(409).extract().asString();
        assertTrue(conflict.contains("both changed the <strong>statement</strong>"), conflict);
        assertTrue(conflict.contains("Imports fell 2%.") && conflict.contains("Imports fell 4%."));
        assertTrue(conflict.contains("name=\"version\" value=\"1\""));
        assertEquals("Imports fell 4%.", DeskData.findClaim(claim.id).statement);
    }

    @Test
    void aDecisionBegunBeforeATagEditStillCountsButOneBegunBeforeAStatementEditIsRefused() {
        DeskClient decider = Accounts.logIn(Role.reviewer);
        DeskClient editor = Accounts.logIn(Role.reviewer);
        Source source = DeskData.source("Bookkeeping", SourceKind.government);
        Claim claim = DeskData.claim(source, "The port handled 3 million containers.");
        decider.get("/claims/" + claim.id); // the decision form, at version 0
        String base = baseOf(editor.get("/claims/" + claim.id + "/edit").asString());
        editor.post("/claims/" + claim.id, "version", "0", "base", base, "statement", claim.statement, "source",
                source.name, "tags", "ports").then().statusCode(303);
        decider.post("/claims/" + claim.id + "/verdicts", "version", "0", "status", "verified", "rationale",
                "Port authority annual report.").then().statusCode(303);
        assertEquals(List.of("verified"), DeskData.strings("SELECT status FROM review WHERE claim_id = ?1", claim.id));

        Claim other = DeskData.claim(source, "The port handled 4 million containers.");
        decider.get("/claims/" + other.id);
        base = baseOf(editor.get("/claims/" + other.id + "/edit").asString());
        editor.post("/claims/" + other.id, "version", "0", "base", base, "statement",
                "The port handled 5 million containers.", "source", source.name).then().statusCode(303);
        decider.post("/claims/" + other.id + "/verdicts", "version", "0", "status", "verified", "rationale",
                "Port authority annual report.").then().statusCode(409);
        assertEquals(0, DeskData.number("SELECT count(*) FROM review WHERE claim_id = ?1", other.id));
    }
}
