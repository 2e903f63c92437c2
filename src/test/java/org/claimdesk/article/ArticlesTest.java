package org.claimdesk.article;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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
class ArticlesTest {

    private static final String DEMO_TITLE = "Kim Jong Un demands more artillery shells as North Korea backs Russia's war";
    private static final String QUOTED = "The minister said the bridge would open in May.";
    private static final String BODY = "A first paragraph.\n" + QUOTED + "\nA last paragraph.";

    @Test
    void anArticleAddedThroughTheFormShowsItsTitleTextAndPublisherFoundByAlias() {
        String alias = Accounts.uniqueName("WIRE");
        Source publisher = source(Accounts.uniqueName("Wire service"), alias);
        String title = Accounts.uniqueName("Shells for Russia");
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        reviewer.get("/articles/new").then().statusCode(200).body(containsString("New article"));

        Response created = reviewer.post("/articles", "title", title, "publisher", alias.toLowerCase(),
                "url", "https://example.org/shells", "publishedOn", "2024-11-05",
                "body", "  First paragraph about shells.\r\n\r\nSecond paragraph, with <b>tags</b>.  \r\n");
        created.then().statusCode(303).header("Location", matchesRegex(".*/articles/\\d+"));

        Article stored = stored(title);
        assertEquals("First paragraph about shells.\n\nSecond paragraph, with <b>tags</b>.", stored.body,
                "line breaks become LF, blank space at the ends goes, the rest is kept as typed");
        assertEquals(publisher.id, stored.publisher.id);
        assertEquals(LocalDate.of(2024, 11, 5), stored.publishedOn);
        reviewer.get(created.header("Location")).then().statusCode(200)
                .body(containsString("Added the article"))
                .body(containsString("<h1><bdi>" + title + "</bdi></h1>"))
                .body(containsString("First paragraph about shells.\n\nSecond paragraph, with &lt;b&gt;tags&lt;/b&gt;."))
                .body(containsString(publisher.name))
                .body(containsString("href=\"/sources/" + publisher.id + "\""));
    }

    @Test
    void aFormWithErrorsIsRefusedWith400KeepsTheInputAndStoresNothing() {
        String title = Accounts.uniqueName("Unfinished");
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        reviewer.get("/articles/new");
        reviewer.post("/articles", "title", title, "url", "ftp://example.org/x", "publishedOn", "1700-01-01",
                "body", "   ")
                .then().statusCode(400)
                .body(containsString("value=\"" + title + "\""))
                .body(containsString("value=\"ftp://example.org/x\""))
                .body(containsString("must be a web address starting with http:// or https://"))
                .body(containsString("The published date must be between 1800-01-01 and tomorrow."))
                .body(containsString("Enter the article&#39;s text."));
        assertEquals(0, count(title));
    }

    @Test
    void aTextOfMoreThanAMillionCharactersIsRefused() {
        String title = Accounts.uniqueName("Too long");
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        reviewer.get("/articles/new");
        reviewer.post("/articles", "title", title, "body", "x".repeat(1_000_001)).then().statusCode(400)
                .body(containsString("at most 1000000 characters, not 1000001"));
        assertEquals(0, count(title));
    }

    @Test
    void anUnknownPublisherIsRefusedWith400AndAWayToCreateTheSource() {
        String title = Accounts.uniqueName("Orphan");
        String nobody = Accounts.uniqueName("Nobody News");
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        reviewer.get("/articles/new");
        reviewer.post("/articles", "title", title, "publisher", nobody, "body", BODY).then().statusCode(400)
                .body(containsString("No source is called &quot;" + nobody + "&quot;; create it first."))
                .body(containsString("href=\"/sources/new\""))
                .body(containsString("value=\"" + nobody + "\""));
        assertEquals(0, count(title));
    }

    @Test
    void aPublisherNameThatIsAnAliasOfTwoSourcesIsRefusedAsAmbiguous() {
        String alias = Accounts.uniqueName("Agency");
        Source first = source(Accounts.uniqueName("First agency"), alias);
        Source second = source(Accounts.uniqueName("Second agency"), alias);
        String title = Accounts.uniqueName("Which agency");
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        reviewer.get("/articles/new");
        reviewer.post("/articles", "title", title, "publisher", alias, "body", BODY).then().statusCode(400)
                .body(containsString("is another name of several sources"))
                .body(containsString(first.name)).body(containsString(second.name));
        assertEquals(0, count(title));
    }

    @Test
    void theDemoArticleMarksEveryQuotedPassageAndLinksEveryClaim() {
        long articleId = QuarkusTransaction.requiringNew()
                .call(() -> Article.<Article> find("title", DEMO_TITLE).firstResult().id);
        List<Claim> quoting = QuarkusTransaction.requiringNew().call(() -> Claim.<Claim> list(
                "article.id = ?1 and quoteStart is not null", articleId));
        assertTrue(quoting.size() >= 10, "the demo article has its ten claims");
        long passages = quoting.stream().map(c -> c.quoteStart + "-" + c.quoteEnd).distinct().count();
        String page = Accounts.logIn(Role.viewer).get("/articles/" + articleId).then().statusCode(200)
                .body(containsString("Claims from this article"))
                .body(containsString("href=\"/claims?articleId=" + articleId + "\""))
                .extract().asString();
        long marks = Pattern.compile("<a class=\"claim-mark\" href=\"/claims/\\d+\"[^>]*><mark").matcher(page)
                .results().count();
        assertTrue(marks >= passages,
                "every quoted passage is marked and linked to a claim");
        for (Claim claim : quoting) {
            assertTrue(page.contains("<a class=\"claim-ref\" href=\"/claims/" + claim.id + "\""),
                    "claim " + claim.id + " is linked from the text");
        }
    }

    @Test
    void htmlInTheTextIsShownAsTextNeverRun() {
        String title = Accounts.uniqueName("<i>Script</i> kiddies");
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        reviewer.get("/articles/new");
        String location = reviewer.post("/articles", "title", title,
                "body", "Before. <script>alert(1)</script> After.").header("Location");
        reviewer.get(location).then().statusCode(200)
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(not(containsString("<script>alert(1)")))
                .body(containsString("&lt;i&gt;Script&lt;/i&gt; kiddies"));
        assertEquals("Before. <script>alert(1)</script> After.", stored(title).body);
    }

    @Test
    void anEditIsSavedAndAStaleEditIsRefusedWith409ShowingTheCurrentVersionAndKeepingTheInput() {
        long id = article(Accounts.uniqueName("Editable"), BODY);
        long opened = stored(id).version;
        DeskClient first = Accounts.logIn(Role.reviewer);
        DeskClient second = Accounts.logIn(Role.reviewer);
        first.get("/articles/" + id + "/edit").then().statusCode(200)
                .body(containsString("name=\"version\" value=\"" + opened + "\""));
        second.get("/articles/" + id + "/edit");

        String firstTitle = Accounts.uniqueName("First edit");
        first.post("/articles/" + id, "version", "" + opened, "title", firstTitle, "body", BODY)
                .then().statusCode(303).header("Location", endsWith("/articles/" + id));
        Article saved = stored(id);
        assertEquals(firstTitle, saved.title);

        String secondTitle = Accounts.uniqueName("Second edit");
        second.post("/articles/" + id, "version", "" + opened, "title", secondTitle, "url", "https://example.org/b",
                "body", BODY)
                .then().statusCode(409)
                .body(containsString("Someone else changed this article after you opened it."))
                .body(containsString("<dd><bdi>" + firstTitle + "</bdi></dd>"))
                .body(containsString("value=\"" + secondTitle + "\""))
                .body(containsString("value=\"https://example.org/b\""))
                .body(containsString("name=\"version\" value=\"" + saved.version + "\""));
        Article after = stored(id);
        assertEquals(firstTitle, after.title, "the stale edit changed nothing");
        assertNull(after.url);
        assertEquals(saved.version, after.version);
    }

    @Test
    void anEditThatMovesAClaimsQuoteIsRefusedWith409AndChangesNothing() {
        long id = article(Accounts.uniqueName("Quoted"), BODY);
        Source ministry = source(Accounts.uniqueName("Ministry"));
        long claimId = DeskData.claimQuoting(id, BODY.indexOf(QUOTED), QUOTED, ministry);
        Article before = stored(id);
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        reviewer.get("/articles/" + id + "/edit");

        reviewer.post("/articles/" + id, "version", "" + before.version, "title", before.title,
                "body", "A new first line.\n" + BODY)
                .then().statusCode(409)
                .body(containsString("words this change would move or alter"))
                .body(containsString("href=\"/claims/" + claimId + "\""))
                .body(containsString("A new first line."));
        Article after = stored(id);
        assertEquals(BODY, after.body);
        assertEquals(before.version, after.version);

        reviewer.post("/articles/" + id, "version", "" + before.version, "title", before.title,
                "body", BODY + "\nAn added paragraph that moves no quote.")
                .then().statusCode(303);
        assertEquals(BODY + "\nAn added paragraph that moves no quote.", stored(id).body);
    }

    @Test
    void viewersMayReadArticlesButNotAddOrEditThem() {
        long id = article(Accounts.uniqueName("Read only"), BODY);
        DeskClient viewer = Accounts.logIn(Role.viewer);
        viewer.get("/").then().statusCode(200); // a page with a form, for the CSRF token
        viewer.get("/articles").then().statusCode(200).body(not(containsString("New article")));
        viewer.get("/articles/" + id).then().statusCode(200).body(not(containsString("Edit article")));
        viewer.get("/articles/new").then().statusCode(403);
        viewer.get("/articles/" + id + "/edit").then().statusCode(403);
        viewer.post("/articles", "title", "Viewer's article", "body", BODY).then().statusCode(403);
        viewer.post("/articles/" + id, "version", "0", "title", "Viewer's edit", "body", BODY).then().statusCode(403);
        assertEquals(0, count("Viewer's article"));
        assertTrue(stored(id).title.startsWith("Read only"));
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        DeskClient.anonymous().get("/articles").then().statusCode(302).header("Location", endsWith("/login"));
        DeskClient.anonymous().get("/articles/new").then().statusCode(302).header("Location", endsWith("/login"));
    }

    @Test
    void theListFindsArticlesByAnyCaseOfTheirTitleAndFiltersThemByPublisher() {
        String word = Accounts.uniqueName("Zebrafish");
        Source publisher = source(Accounts.uniqueName("Aquarium Times"));
        long mine = DeskData.article("On " + word + " migration", BODY, publisher).id;
        long other = article("More on " + word + " and 100% of_them", BODY);
        DeskClient viewer = Accounts.logIn(Role.viewer);

        viewer.get("/articles?q=" + word.toUpperCase()).then().statusCode(200)
                .body(containsString("href=\"/articles/" + mine + "\""))
                .body(containsString("href=\"/articles/" + other + "\""))
                .body(not(containsString(DEMO_TITLE.replace("'", "&#39;"))));
        viewer.get("/articles?q=" + word + "&publisherId=" + publisher.id).then().statusCode(200)
                .body(containsString("href=\"/articles/" + mine + "\""))
                .body(not(containsString("href=\"/articles/" + other + "\"")));
        viewer.request().queryParam("q", "100% of_").get("/articles").then().statusCode(200)
                .body(containsString("href=\"/articles/" + other + "\""))
                .body(not(containsString("href=\"/articles/" + mine + "\"")));
        viewer.get("/articles").then().statusCode(200).body(containsString("On " + word + " migration"));
    }

    @Test
    void theListPagesThroughMoreThanFiftyArticlesNewestFirst() {
        String word = Accounts.uniqueName("Pager");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 52; i++) {
            ids.add(article(word + " " + i, BODY));
        }
        DeskClient viewer = Accounts.logIn(Role.viewer);
        String first = viewer.get("/articles?q=" + word).then().statusCode(200)
                .body(containsString("href=\"/articles/" + ids.get(51) + "\""))
                .body(not(containsString("href=\"/articles/" + ids.get(1) + "\"")))
                .extract().asString();
        String older = first.replaceAll("(?s).*href=\"([^\"]+)\" rel=\"next\".*", "$1").replace("&amp;", "&");
        String second = viewer.request().urlEncodingEnabled(false).get(older).then().statusCode(200)
                .body(containsString("href=\"/articles/" + ids.get(0) + "\""))
                .body(containsString("href=\"/articles/" + ids.get(1) + "\""))
                .body(not(containsString("href=\"/articles/" + ids.get(2) + "\"")))
                .extract().asString();
        String newer = second.replaceAll("(?s).*href=\"([^\"]+)\" rel=\"prev\".*", "$1").replace("&amp;", "&");
        viewer.request().urlEncodingEnabled(false).get(newer).then().statusCode(200)
                .body(containsString("href=\"/articles/" + ids.get(51) + "\""));
    }

    private static Source source(String name, String... aliases) {
        return DeskData.source(name, SourceKind.news_outlet, null, aliases);
    }

    private static long article(String title, String body) {
        return DeskData.article(title, body, null).id;
    }

    private static Article stored(String title) {
        return QuarkusTransaction.requiringNew().call(() -> withBody(Article.<Article> find(
                "from Article a left join fetch a.publisher where a.title = ?1", title).singleResult()));
    }

    private static Article stored(long id) {
        return QuarkusTransaction.requiringNew().call(() -> withBody(Article.<Article> findById(id)));
    }

    /** The text is loaded lazily; read it while the transaction is open, so the test can use it afterwards. */
    private static Article withBody(Article article) {
        article.body.length();
        return article;
    }

    private static long count(String title) {
        return QuarkusTransaction.requiringNew().call(() -> Article.count("title", title));
    }
}
