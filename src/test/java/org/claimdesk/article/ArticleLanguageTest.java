package org.claimdesk.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The import reads the language of a pasted article: for one the English extractor does not read, it proposes no
 * English-rule candidates but says so and offers to add the text as it is.
 */
@QuarkusTest
class ArticleLanguageTest {

    static final String KOREAN = "북한은 동해상으로 탄도미사일을 발사했다고 합동참모본부가 밝혔다. 합참은 \"북한이 오늘 오전 "
            + "평양 일대에서 미사일 한 발을 발사했다\"고 말했다. 일본 정부도 이를 확인했다고 발표했다.";
    static final String RUSSIAN = "Президент России Владимир Путин заявил журналистам, что Москва не намерена "
            + "отправлять войска. «Мы не будем этого делать», — сказал он, сообщает агентство ТАСС.";

    private static long drafts(String title) {
        return DeskData.number("SELECT count(*) FROM article_draft WHERE title = ?1", title);
    }

    private static long articles(String title) {
        return DeskData.number("SELECT count(*) FROM article WHERE title = ?1", title);
    }

    @Test
    void aKoreanArticleIsNotExtractedWithEnglishRulesButOfferedToBeAddedAsItIs() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String title = Accounts.uniqueName("북한 미사일");
        reviewer.get("/articles/new");
        Response answer = reviewer.post("/articles/new", "title", title, "body", KOREAN, "action", "extract");
        assertEquals(200, answer.statusCode(), answer.asString());
        String page = answer.asString();
        assertTrue(page.contains("This article is in <strong>Korean</strong>"), page);
        assertTrue(page.contains("value=\"plain\" class=\"primary\">Add without extracting"), "offered first");
        assertTrue(page.contains(KOREAN.replace("\"", "&quot;")), "the text stays in the form");
        assertEquals(0, drafts(title), "no candidates were proposed");

        reviewer.post("/articles/new", "title", title, "body", KOREAN, "action", "plain").then().statusCode(303);
        assertEquals(1, articles(title));
        assertEquals(KOREAN, DeskData.strings("SELECT body FROM article WHERE title = ?1", title).get(0),
                "stored exactly as pasted");
    }

    @Test
    void aRussianArticleIsNamedAndFindClaimsAnywayStillExtracts() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String title = Accounts.uniqueName("Путин");
        reviewer.get("/articles/new");
        String page = reviewer.post("/articles/new", "title", title, "body", RUSSIAN, "action", "extract").then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("<strong>Russian</strong>"), page);
        reviewer.post("/articles/new", "title", title, "body", RUSSIAN, "action", "extract-anyway").then()
                .statusCode(303);
        assertEquals(1, drafts(title), "the reviewer chose to extract anyway");
    }

    @Test
    void anEnglishArticleGoesStraightToItsCandidates() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String title = Accounts.uniqueName("Shells");
        reviewer.get("/articles/new");
        Response answer = reviewer.post("/articles/new", "title", title, "body", SampleArticle.TEXT, "action",
                "extract");
        assertEquals(303, answer.statusCode());
        assertTrue(answer.header("Location").contains("/articles/new/"));
        assertEquals(1, drafts(title));
        assertFalse(reviewer.get(answer.header("Location")).asString().contains("language-notice"));
    }
}
