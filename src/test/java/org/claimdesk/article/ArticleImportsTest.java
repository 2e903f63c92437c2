package org.claimdesk.article;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.claimdesk.article.DraftClaim.Decision;
import org.claimdesk.claim.Claim;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ArticleImportsTest {

    private static final String SAMPLE_ARTICLE_END = "technology for spy satellite launches.";

    @Test
    void thePastedSampleArticleShowsTheNineRequiredClaimsWithTheirSourcesForReview() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String title = Accounts.uniqueName("Shells");
        long draftId = importText(reviewer, title, SampleArticle.TEXT);

        ArticleDraft draft = draft(draftId);
        assertTrue(draft.body.endsWith(SAMPLE_ARTICLE_END), "the boilerplate after the article is gone: " + draft.body);
        assertTrue(draft.boilerplateRemoved);
        for (SampleArticle.Required required : SampleArticle.REQUIRED) {
            DraftClaim found = draft.candidates.stream()
                    .filter(c -> draft.body.substring(c.start(), c.end()).strip().equals(required.sentence()))
                    .findFirst().orElse(null);
            assertNotNull(found, "a candidate in: " + required.sentence());
            assertEquals(required.sources(), found.proposed().stream().map(DraftClaim.Proposed::name).toList(),
                    required.sentence());
            assertTrue(found.proposed().stream().allMatch(p -> p.id() != null && !p.newSource()));
        }
        assertTrue(draft.candidates.stream().noneMatch(c -> c.start() >= draft.body.length()));

        String page = reviewer.get("/articles/new/" + draftId).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Review the claims of"), page);
        for (SampleArticle.Required required : SampleArticle.REQUIRED) {
            required.sources().forEach(source -> assertTrue(page.contains(escaped(source)), source));
        }
        assertTrue(page.contains("class=\"candidate-mark\""), "candidates are marked in the text");
        assertTrue(page.contains("<code>"), "each row names its rule");
        assertFalse(page.contains("Africa&#39;s most dangerous city"), "the boilerplate is not shown as the article");
        assertTrue(page.contains("src=\"/static/article-review.js?v="));
        assertEquals(0, articles(title), "nothing is stored before saving");
    }

    @Test
    void savingCreatesTheArticleWithExactlyTheAcceptedClaimsTheirEditsAndRanges() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String title = Accounts.uniqueName("Shells saved");
        long draftId = importText(reviewer, title, SampleArticle.TEXT);
        ArticleDraft draft = draft(draftId);
        DraftClaim kcna = row(draft, "reported that Jong Un");
        DraftClaim putin = row(draft, "Putin has thanked");
        DraftClaim analysts = row(draft, "Geopolitical analysts have speculated");
        DraftClaim both = row(draft, "Both South Korea and Japan accused");
        String newSource = Accounts.uniqueName("Shell watchers");
        String kcnaSentence = draft.body.substring(kcna.start(), kcna.end());

        Response saved = review(reviewer, draft, "save", c -> {
            if (c.number() == putin.number()) {
                return edit(Decision.reject, c.statement(), c.sources(), c.rangeStart(), c.rangeEnd());
            }
            if (c.number() == kcna.number()) {
                // the whole sentence as the claim's range, and a statement of the reviewer's own
                return edit(Decision.accept, "Kim Jong Un praised efforts to double shell production.", c.sources(),
                        Integer.toString(kcna.start()), Integer.toString(kcna.end()));
            }
            if (c.number() == analysts.number()) {
                return edit(Decision.accept, c.statement(), newSource, c.rangeStart(), c.rangeEnd());
            }
            return edit(Decision.accept, c.statement(), c.sources(), c.rangeStart(), c.rangeEnd());
        });
        saved.then().statusCode(303).header("Location", matchesRegex(".*/articles/\\d+"));
        long articleId = Long.parseLong(saved.header("Location").replaceAll(".*/", ""));

        int expected = draft.candidates.size() - 1 + both.proposed().size() - 1; // one left out, one claim per source
        assertEquals(expected, DeskData.number("SELECT count(*) FROM claim WHERE article_id = ?1", articleId));
        assertEquals(1, articles(title));
        assertEquals(0, DeskData.number("SELECT count(*) FROM article_draft WHERE id = ?1", draftId));
        assertEquals(0, DeskData.number("SELECT count(*) FROM claim WHERE article_id = ?1 AND quote LIKE 'Putin%'",
                articleId), "the rejected candidate is not stored");
        List<String> edited = DeskData.strings("SELECT quote_start || '-' || quote_end || '|' || quote FROM claim "
                + "WHERE article_id = ?1 AND statement = 'Kim Jong Un praised efforts to double shell production.'",
                articleId);
        assertEquals(List.of(kcna.start() + "-" + kcna.end() + "|" + kcnaSentence), edited,
                "the edited range, with the article's own words as the quote");
        assertEquals(List.of("analysts"), DeskData.strings("SELECT s.kind FROM source s JOIN claim c ON "
                + "c.source_id = s.id WHERE c.article_id = ?1 AND s.name = ?2", articleId, newSource),
                "the new source is created once, with the kind guessed for it");
        assertEquals(List.of("Government of Japan", "Government of South Korea"), DeskData.strings("SELECT s.name "
                + "FROM claim c JOIN source s ON s.id = c.source_id WHERE c.article_id = ?1 AND c.quote_start = ?2 "
                + "ORDER BY s.name", articleId, both.claimStart()), "a claim of two sources is stored for each");
        assertEquals(1, DeskData.number("SELECT count(*) FROM claim_link l JOIN claim c ON c.id = l.claim_id "
                + "JOIN claim o ON o.id = l.other_id WHERE c.article_id = ?1 AND o.article_id = ?1 "
                + "AND l.kind = 'same_claim'", articleId), "and the two are linked as the same claim");

        String page = reviewer.get("/articles/" + articleId).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Added the article"), page);
        assertEquals(expected - 1, page.split("class=\"claim-mark\"", -1).length - 1,
                "every claim is marked in the text, the two claims of one sentence by one mark");
        assertEquals(expected, page.split("class=\"claim-ref\"", -1).length - 1, "and each claim has its link");
        long claimId = DeskData.number("SELECT min(id) FROM claim WHERE article_id = ?1", articleId);
        long otherId = DeskData.number("SELECT max(id) FROM claim WHERE article_id = ?1", articleId);
        String claimPage = reviewer.get("/claims/" + claimId).then().statusCode(200).extract().asString();
        assertTrue(claimPage.contains("Other claims in this article"), "the claim page lists the article's others");
        assertTrue(claimPage.contains("href=\"/claims/" + otherId + "\""), "with a link to each");
    }

    @Test
    void anInvalidEditIsKeptWithItsReasonAndNothingIsSaved() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String title = Accounts.uniqueName("Shells with mistakes");
        long draftId = importText(reviewer, title, SampleArticle.TEXT);
        ArticleDraft draft = draft(draftId);
        DraftClaim first = draft.candidates.get(0);

        Response refused = review(reviewer, draft, "save", c -> c.number() == first.number()
                ? edit(Decision.accept, "   ", c.sources(), "5", "999999")
                : edit(c.decision(), c.statement(), c.sources(), c.rangeStart(), c.rangeEnd()));
        refused.then().statusCode(303).header("Location", containsString("/articles/new/" + draftId));
        reviewer.get("/articles/new/" + draftId).then().statusCode(200)
                .body(containsString("One candidate has a mistake"))
                .body(containsString("Enter the statement."))
                .body(containsString("value=\"999999\""));
        assertEquals(0, articles(title));
        assertEquals(1, DeskData.number("SELECT count(*) FROM article_draft WHERE id = ?1", draftId));
    }

    @Test
    void aSaveThatFailsLeavesNothingStoredAndTheDraftAsItWas() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        Source publisher = DeskData.source(Accounts.uniqueName("Short-lived wire"), SourceKind.news_outlet);
        String title = Accounts.uniqueName("Shells, failing");
        reviewer.get("/articles/new");
        Response imported = reviewer.post("/articles/new", "title", title, "publisher", publisher.name,
                "body", SampleArticle.TEXT, "action", "extract");
        imported.then().statusCode(303);
        long draftId = Long.parseLong(imported.header("Location").replaceAll(".*/", ""));
        ArticleDraft draft = draft(draftId);
        String newSource = Accounts.uniqueName("Never stored");
        long sourcesBefore = DeskData.number("SELECT count(*) FROM source");
        // the publisher disappears between the review and the save
        QuarkusTransaction.requiringNew().run(() -> Source.deleteById(publisher.id));

        Response refused = review(reviewer, draft, "save",
                c -> edit(Decision.accept, c.statement(), newSource, c.rangeStart(), c.rangeEnd()));
        refused.then().statusCode(303).header("Location", containsString("/articles/new/" + draftId));
        reviewer.get("/articles/new/" + draftId).then().statusCode(200)
                .body(containsString("No source is called"));
        assertEquals(0, articles(title));
        assertEquals(sourcesBefore - 1, DeskData.number("SELECT count(*) FROM source"));
        assertEquals(0, DeskData.number("SELECT count(*) FROM source WHERE name = ?1", newSource));
        assertEquals(1, DeskData.number("SELECT count(*) FROM article_draft WHERE id = ?1", draftId));
    }

    @Test
    void aCandidateAlreadyInTheDeskIsFlaggedAndCanBeLinkedToIt() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String text = "KCNA reported that the factory had doubled its annual output of artillery shells in one "
                + "single year.";
        long probe = importText(reviewer, Accounts.uniqueName("Probe"), text);
        DraftClaim candidate = draft(probe).candidates.get(0);
        Source kcna = QuarkusTransaction.requiringNew().call(() -> Source.findByName(
                "Korean Central News Agency (KCNA)").orElseThrow());
        Claim existing = DeskData.claim(kcna, candidate.statement());

        String title = Accounts.uniqueName("Output doubled");
        long draftId = importText(reviewer, title, text);
        ArticleDraft draft = draft(draftId);
        DraftClaim flagged = draft.candidates.get(0);
        assertNotNull(flagged.duplicate());
        assertEquals(Decision.link, flagged.decision(), "a duplicate is proposed for linking");
        reviewer.get("/articles/new/" + draftId).then().statusCode(200)
                .body(containsString("Already in the desk"))
                .body(containsString("href=\"/claims/" + flagged.duplicate().claimId() + "\""));

        Response saved = review(reviewer, draft, "save",
                c -> edit(Decision.link, c.statement(), c.sources(), c.rangeStart(), c.rangeEnd()));
        saved.then().statusCode(303);
        long articleId = Long.parseLong(saved.header("Location").replaceAll(".*/", ""));
        long created = DeskData.number("SELECT id FROM claim WHERE article_id = ?1", articleId);
        assertEquals(1, DeskData.number("SELECT count(*) FROM claim_link WHERE kind = 'same_claim' AND "
                + "removed_at IS NULL AND ((claim_id = ?1 AND other_id = ?2) OR (claim_id = ?2 AND other_id = ?1))",
                flagged.duplicate().claimId(), created));
        assertTrue(flagged.duplicate().claimId() == existing.id || flagged.duplicate().percent() >= 50);
    }

    @Test
    void rejectingEveryCandidateSavesTheArticleAlone() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String title = Accounts.uniqueName("Only the article");
        long draftId = importText(reviewer, title, SampleArticle.TEXT);
        Response saved = review(reviewer, draft(draftId), "save",
                c -> edit(Decision.reject, c.statement(), c.sources(), c.rangeStart(), c.rangeEnd()));
        saved.then().statusCode(303);
        long articleId = Long.parseLong(saved.header("Location").replaceAll(".*/", ""));
        assertEquals(1, articles(title));
        assertEquals(0, DeskData.number("SELECT count(*) FROM claim WHERE article_id = ?1", articleId));
    }

    @Test
    void aTextWithoutAttributionsCanStillBeSavedAsAnArticle() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String title = Accounts.uniqueName("Weather");
        long draftId = importText(reviewer, title, "The sky was blue all day.\nRain is due on Sunday.");
        reviewer.get("/articles/new/" + draftId).then().statusCode(200)
                .body(containsString("No attributed claims were found"));
        Response saved = review(reviewer, draft(draftId), "save", c -> null);
        saved.then().statusCode(303).header("Location", matchesRegex(".*/articles/\\d+"));
        assertEquals(1, articles(title));
    }

    @Test
    void anUploadedTextFileIsImportedLikeAPaste() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String title = Accounts.uniqueName("Uploaded text");
        reviewer.get("/articles/new");
        Response imported = reviewer.postFile("/articles/new", "shells.txt",
                SampleArticle.TEXT.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), "text/plain",
                "title", title, "action", "extract");
        imported.then().statusCode(303).header("Location", matchesRegex(".*/articles/new/\\d+"));
        ArticleDraft draft = draft(Long.parseLong(imported.header("Location").replaceAll(".*/", "")));
        assertEquals(title, draft.title);
        assertTrue(draft.body.endsWith(SAMPLE_ARTICLE_END));
        assertFalse(draft.body.contains("\r"));
        assertTrue(draft.candidates.size() >= SampleArticle.REQUIRED.size());
    }

    @Test
    void anUploadedHtmlPageGivesItsTextTitleAndDate() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String title = Accounts.uniqueName("Shells from a page");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>" + title + "</title>"
                + "<meta property=\"article:published_time\" content=\"2025-05-10T08:00:00Z\"></head><body>"
                + "<nav><a href=\"/\">Home</a></nav><article><h1>" + title + "</h1>");
        String[] lines = SampleArticle.TEXT.substring(0, SampleArticle.TEXT.indexOf(
                SampleArticle.BOILERPLATE_STARTS_AT)).strip().split("\n");
        for (String line : lines) {
            html.append("<p>").append(line.replace("&", "&amp;")).append("</p>");
        }
        html.append("</article><footer>Subscribe to our newsletter</footer></body></html>");
        reviewer.get("/articles/new");
        Response imported = reviewer.postFile("/articles/new", "shells.html",
                html.toString().getBytes(StandardCharsets.UTF_8), "text/html", "title", "", "publishedOn", "",
                "action", "extract");
        imported.then().statusCode(303).header("Location", matchesRegex(".*/articles/new/\\d+"));
        ArticleDraft draft = draft(Long.parseLong(imported.header("Location").replaceAll(".*/", "")));
        assertEquals(title, draft.title, "the title comes from the page when the form left it empty");
        assertEquals("2025-05-10", String.valueOf(draft.publishedOn));
        assertTrue(draft.body.contains(lines[0]) && draft.body.contains(lines[lines.length - 1]), draft.body);
        assertFalse(draft.body.contains("<p>"));
        assertTrue(draft.body.contains("\n"), "paragraph breaks are kept");
        for (SampleArticle.Required required : SampleArticle.REQUIRED) {
            assertTrue(draft.candidates.stream().anyMatch(c -> draft.body.substring(c.start(), c.end()).strip()
                    .equals(required.sentence())), required.sentence());
        }
    }

    @Test
    void aFileOverOneMegabyteIsRefusedWith413AndNothingIsStored() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String title = Accounts.uniqueName("Too big");
        long drafts = DeskData.number("SELECT count(*) FROM article_draft");
        byte[] big = "A sentence that goes on. ".repeat(45_000).getBytes(StandardCharsets.UTF_8);
        assertTrue(big.length > 1024 * 1024);
        reviewer.get("/articles/new");
        reviewer.postFile("/articles/new", "big.txt", big, "text/plain", "title", title, "action", "extract")
                .then().statusCode(413).body(containsString("at most 1 MB"));
        assertEquals(drafts, DeskData.number("SELECT count(*) FROM article_draft"));
        assertEquals(0, articles(title));
    }

    @Test
    void aFileThatIsNeitherTextNorHtmlIsRefusedWithTheFormKept() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String title = Accounts.uniqueName("A picture");
        reviewer.get("/articles/new");
        reviewer.postFile("/articles/new", "photo.png", new byte[] { (byte) 0x89, 'P', 'N', 'G' }, "image/png",
                "title", title, "action", "extract")
                .then().statusCode(400).body(containsString("Choose a .txt or .html file"))
                .body(containsString("value=\"" + title + "\""));
    }

    @Test
    void pastingWithoutExtractingAddsTheArticleAtOnce() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String title = Accounts.uniqueName("Plain");
        reviewer.get("/articles/new").then().statusCode(200).body(containsString("Add without extracting"));
        Response created = reviewer.post("/articles/new", "title", title, "body", SampleArticle.TEXT,
                "action", "plain");
        created.then().statusCode(303).header("Location", matchesRegex(".*/articles/\\d+"));
        assertEquals(1, articles(title));
        assertEquals(0, DeskData.number("SELECT count(*) FROM claim c JOIN article a ON a.id = c.article_id "
                + "WHERE a.title = ?1", title));
    }

    @Test
    void aFormWithoutTitleOrTextComesBackWithItsErrors() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        reviewer.get("/articles/new");
        reviewer.post("/articles/new", "title", "", "url", "ftp://nowhere", "body", "", "action", "extract")
                .then().statusCode(400).body(containsString("Enter a title."))
                .body(containsString("value=\"ftp://nowhere\""));
    }

    @Test
    void anotherReviewersDraftIsNotFoundAndViewersCannotImport() {
        DeskClient owner = Accounts.logIn(Role.reviewer);
        long draftId = importText(owner, Accounts.uniqueName("Mine"), SampleArticle.TEXT);
        DeskClient other = Accounts.logIn(Role.reviewer);
        other.get("/articles/new/" + draftId).then().statusCode(404);
        other.post("/articles/new/" + draftId, "version", "0", "action", "save").then().statusCode(404);

        DeskClient viewer = Accounts.logIn(Role.viewer);
        viewer.get("/articles/new").then().statusCode(403);
        viewer.get("/articles/new/" + draftId).then().statusCode(403);
        viewer.post("/articles/new", "title", "x", "body", "y", "action", "extract").then().statusCode(403);
        owner.get("/articles/new/" + draftId).then().statusCode(200).body(not(containsString("Not allowed")));
    }

    @Test
    void aReviewSentFromAnOlderVersionOfTheDraftChangesNothing() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String title = Accounts.uniqueName("Two tabs");
        long draftId = importText(reviewer, title, SampleArticle.TEXT);
        ArticleDraft opened = draft(draftId);
        review(reviewer, opened, "update", c -> edit(Decision.reject, c.statement(), c.sources(), c.rangeStart(),
                c.rangeEnd())).then().statusCode(303);
        Response stale = review(reviewer, opened, "save", c -> edit(Decision.accept, c.statement(), c.sources(),
                c.rangeStart(), c.rangeEnd()));
        stale.then().statusCode(303).header("Location", containsString("/articles/new/" + draftId));
        reviewer.get("/articles/new/" + draftId).then().statusCode(200)
                .body(containsString("changed in another tab or window"));
        assertEquals(0, articles(title));
        assertTrue(draft(draftId).candidates.stream().allMatch(DraftClaim::isRejected), "the newer review stands");
    }

    @Test
    void discardingADraftRemovesIt() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        long draftId = importText(reviewer, Accounts.uniqueName("Unwanted"), SampleArticle.TEXT);
        reviewer.get("/articles/new/" + draftId);
        reviewer.post("/articles/new/" + draftId, "version", "0", "action", "discard").then().statusCode(303);
        assertEquals(0, DeskData.number("SELECT count(*) FROM article_draft WHERE id = ?1", draftId));
    }

    // --- helpers ---

    @Test
    void pastedTextWithControlCharactersIsCleanedAndTheReviewSaysHowManyWereRemoved() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        long draftId = importText(reviewer, Accounts.uniqueName("Control"),
                "The minister\u0083 said the port will close \u001bin May.\u200F");
        ArticleDraft draft = draft(draftId);
        assertEquals("The minister said the port will close in May.\u200F", draft.body);
        assertEquals(2, draft.invisibleRemoved);
        String page = reviewer.get("/articles/new/" + draftId).then().statusCode(200).extract().asString();
        assertTrue(page.contains("2 invisible characters\nremoved"), "the review says what was removed");
        assertEquals(1, draft.candidates.size());
    }

    @Test
    void aNewSourceIsSavedUnderItsFullNameWithTheArticlesOtherNamesForItAsAliases() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String surname = "Okafor" + Long.toString(System.nanoTime() % 100000, 36).replaceAll("\\d", "x");
        long draftId = importText(reviewer, Accounts.uniqueName("Strike"), "Union leader Daniel " + surname
                + " said the talks had failed.\nMr " + surname + " said he would call a strike on Monday.");
        ArticleDraft draft = draft(draftId);
        assertEquals(2, draft.candidates.size());
        draft.candidates.forEach(c -> assertEquals("Daniel " + surname, c.sources()));
        reviewer.get("/articles/new/" + draftId).then().statusCode(200)
                .body(containsString("<bdi>Mr " + surname + "</bdi> (stored as aliases of the new source)"));
        review(reviewer, draft, "save", c -> edit(Decision.accept, c.statement(), c.sources(), c.rangeStart(),
                c.rangeEnd())).then().statusCode(303).header("Location", matchesRegex(".*/articles/\\d+"));
        Source saved = QuarkusTransaction.requiringNew().call(() -> {
            Source s = Source.find("name", "Daniel " + surname).firstResult();
            s.aliases.size();
            return s;
        });
        assertEquals(List.of("Mr " + surname), saved.aliases);
        assertEquals(2, Claim.count("source.id", saved.id));
    }

    static long importText(DeskClient reviewer, String title, String text) {
        reviewer.get("/articles/new");
        Response imported = reviewer.post("/articles/new", "title", title, "body", text, "action", "extract");
        imported.then().statusCode(303).header("Location", matchesRegex(".*/articles/new/\\d+"));
        return Long.parseLong(imported.header("Location").replaceAll(".*/", ""));
    }

    static ArticleDraft draft(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ArticleDraft draft = ArticleDraft.findById(id);
            draft.candidates.size();
            return draft;
        });
    }

    private static DraftClaim row(ArticleDraft draft, String words) {
        return draft.candidates.stream().filter(c -> draft.body.substring(c.start(), c.end()).contains(words))
                .findFirst().orElseThrow(() -> new AssertionError("no candidate in a sentence with: " + words));
    }

    /** One row's fields as the review form sends them, in its order: decision, statement, sources, range. */
    private static String[] edit(Decision decision, String statement, String sources, String start, String end) {
        return new String[] { decision.name(), statement, sources, start, end };
    }

    /** Sends the review form of {@code draft} with each row's fields as {@code rows} gives them. */
    static Response review(DeskClient reviewer, ArticleDraft draft, String action,
            Function<DraftClaim, String[]> rows) {
        reviewer.get("/articles/new/" + draft.id);
        List<String> fields = new ArrayList<>(List.of("version", Long.toString(draft.version), "action", action));
        for (DraftClaim c : draft.candidates) {
            String[] v = rows.apply(c);
            fields.addAll(List.of("row", Integer.toString(c.number()), "decision", v[0], "statement", v[1],
                    "sources", v[2], "kind", c.newKind(), "rangeStart", v[3], "rangeEnd", v[4]));
        }
        return reviewer.post("/articles/new/" + draft.id, fields.toArray(String[]::new));
    }

    private static long articles(String title) {
        return DeskData.number("SELECT count(*) FROM article WHERE title = ?1", title);
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("'", "&#39;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
