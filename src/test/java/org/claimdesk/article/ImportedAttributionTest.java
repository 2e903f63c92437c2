package org.claimdesk.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Issue 19: the import proposes relays and the kind of attribution; the reviewer confirms or corrects them. */
@QuarkusTest
class ImportedAttributionTest {

    static final String TEXT = "North Korea has sent 3,000 more troops to Russia, according to Yonhap, citing a "
            + "lawmaker who attended the closed-door briefing. The missile launch failed shortly after lift-off, an "
            + "official who spoke on condition of anonymity said.";

    @Test
    void theImportProposesRelaysAndKindAndSavesWhatTheReviewerConfirmed() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String title = Accounts.uniqueName("Relayed troops");
        long draftId = ArticleImportsTest.importText(reviewer, title, TEXT);
        ArticleDraft draft = ArticleImportsTest.draft(draftId);
        DraftClaim troops = draft.candidates.stream().filter(c -> draft.body.substring(c.start(), c.end())
                .contains("Yonhap")).findFirst().orElseThrow(() -> new AssertionError(draft.candidates.toString()));
        DraftClaim launch = draft.candidates.stream().filter(c -> draft.body.substring(c.start(), c.end())
                .contains("anonymity")).findFirst().orElseThrow(() -> new AssertionError(draft.candidates.toString()));
        assertEquals("Yonhap", troops.relays(), troops.toString());
        assertEquals("a lawmaker", troops.sources(), "the one Yonhap cited is proposed as the claimant");
        assertEquals("anonymous_official", launch.attributionKind(), launch.toString());
        String page = reviewer.get("/articles/new/" + draftId).then().statusCode(200).extract().asString();
        assertTrue(page.contains("name=\"relays\" value=\"Yonhap\""), "the proposal is on the review form");

        // the reviewer confirms the relay, and corrects the troops claim's kind to a paraphrase
        reviewer.get("/articles/new/" + draftId);
        List<String> fields = new ArrayList<>(List.of("version", Long.toString(draft.version), "action", "save"));
        for (DraftClaim c : draft.candidates) {
            fields.addAll(List.of("row", Integer.toString(c.number()), "decision", "accept", "statement",
                    c.statement(), "sources", c.sources(), "kind", c.newKind(), "rangeStart", c.rangeStart(),
                    "rangeEnd", c.rangeEnd(), "relays", c.relays() == null ? "" : c.relays(), "attributionKind",
                    c.number() == troops.number() ? "paraphrase" : c.attributionKind() == null ? ""
                            : c.attributionKind()));
        }
        Response saved = reviewer.post("/articles/new/" + draftId, fields.toArray(String[]::new));
        assertEquals(303, saved.statusCode(), saved.asString());
        long articleId = Long.parseLong(saved.header("Location").replaceAll(".*/", ""));
        assertEquals(List.of("Yonhap|a lawmaker|paraphrase"), DeskData.strings("SELECT r.name || '|' || s.name || "
                + "'|' || c.attribution_kind FROM claim c JOIN source s ON s.id = c.source_id JOIN claim_relay cr ON "
                + "cr.claim_id = c.id JOIN source r ON r.id = cr.source_id WHERE c.article_id = ?1", articleId));
        assertEquals(List.of("anonymous_official"), DeskData.strings("SELECT c.attribution_kind FROM claim c "
                + "WHERE c.article_id = ?1 AND c.quote LIKE '%launch%'", articleId));
    }
}
