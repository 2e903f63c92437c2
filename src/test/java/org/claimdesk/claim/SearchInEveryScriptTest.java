package org.claimdesk.claim;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.claimdesk.article.Article;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Search finds words of other scripts (Korean inside longer written words, Russian inflections, names without their
 * diacritics) while English keeps its stemming; and quote ranges, excerpts and highlights agree past emoji.
 */
@QuarkusTest
class SearchInEveryScriptTest {

    private static final String REVIEWER = Accounts.create(Role.reviewer);

    /** The statements the API's search finds for {@code q} among claims of {@code source}. */
    private static List<String> found(Source source, String q) {
        return given().auth().preemptive().basic(REVIEWER, Accounts.PASSWORD).queryParam("q", q)
                .queryParam("sourceId", source.id).queryParam("size", 100).get("/api/claims").then().statusCode(200)
                .extract().jsonPath().getList("items.statement", String.class);
    }

    @Test
    void aKoreanWordFindsTheLongerWrittenWordsThatHoldItAndRussianNamesTheirInflectedForms() {
        Source source = DeskData.source("Scripts", SourceKind.other);
        String korean = "북한은 미사일을 발사했다";
        String koreanOther = "북한이 포탄을 러시아에 보냈다";
        String russian = "Заявление Путина о войсках";
        String russianDative = "Вопрос Путину задали журналисты";
        String german = "Thomas Müller sagte, die Grenze sei offen";
        String japanese = "北朝鮮は弾道ミサイルを発射した";
        String english = "Factories doubled the production of shells";
        for (String statement : List.of(korean, koreanOther, russian, russianDative, german, japanese, english)) {
            DeskData.claim(source, statement);
        }

        assertEquals(List.of(korean, koreanOther).stream().sorted().toList(),
                found(source, "북한").stream().sorted().toList(), "북한 inside 북한은 and 북한이");
        assertEquals(List.of(korean), found(source, "미사일"), "미사일 inside 미사일을, not the Japanese ミサイル");
        assertEquals(List.of(korean), found(source, "북한 발사"), "both words, each inside a longer word");
        assertEquals(List.of(koreanOther), found(source, "북한 -미사일"), "a Korean word left out");
        assertEquals(List.of(japanese), found(source, "弾道"), "Japanese inside a run of kanji and kana");
        assertEquals(List.of(russian, russianDative).stream().sorted().toList(),
                found(source, "Путин").stream().sorted().toList(), "Путин finds Путина and Путину");
        assertEquals(List.of(german), found(source, "Muller"), "Muller finds Müller");
        assertEquals(List.of(german), found(source, "Müller"), "and Müller itself");
        assertEquals(List.of(english), found(source, "factory doubling"), "English keeps its stemming");
        assertEquals(List.of(), found(source, "\u202Eevil \u2067قال\u2069"), "direction marks are text in a search");
    }

    @Test
    void theClaimsPageHighlightsRussianAndAccentedMatches() {
        Source source = DeskData.source("Highlights", SourceKind.other);
        DeskData.claim(source, "Заявление Путина о войсках, сказал Мюллер");
        DeskData.claim(source, "Thomas Müller sagte nein");
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String page = reviewer.get("/claims?sourceId=" + source.id + "&q=Путин").then().statusCode(200).extract()
                .asString();
        assertTrue(page.contains("<mark>Путина</mark>"), "the inflected form is marked");
        page = reviewer.get("/claims?sourceId=" + source.id + "&q=Muller").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<mark>Müller</mark>"), "the name is marked as written");
    }

    @Test
    void anArticleWithEmojiBeforeAQuoteHighlightsExactlyTheQuote() {
        Source source = DeskData.source("Emoji", SourceKind.other);
        String quote = "“We will double shell production,” he said.";
        String before = "🚀🚀 Launch day 👨‍👩‍👧 in Pyongyang 🇰🇵: café e\u0301 𝔘𝔫𝔦𝔠𝔬𝔡𝔢. ";
        String body = before + quote + " 🎉 After the quote.";
        Article article = DeskData.article("Emoji article", body, null);
        int start = before.length(); // UTF-16 units, as the API and forms count
        long id = DeskData.claimQuoting(article.id, start, quote, source);

        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String claimPage = reviewer.get("/claims/" + id).then().statusCode(200).extract().asString();
        assertTrue(claimPage.contains("<mark>" + quote + "</mark>"),
                "the excerpt on the claim page marks exactly the quote: " + excerpt(claimPage));
        assertTrue(claimPage.contains(before.strip()), "with the text before it, emoji whole");
        String articlePage = reviewer.get("/articles/" + article.id).then().statusCode(200).extract().asString();
        assertTrue(articlePage.matches("(?s).*<mark class=\"quote-unverified\">" + java.util.regex.Pattern.quote(quote)
                + "</mark>.*"), "the article page marks exactly the quote");

        // a claim made through the form from the quote alone gets the same range
        reviewer.get("/claims/new");
        var created = reviewer.post("/claims", "statement", "Shells doubled " + start, "quote", quote, "source",
                source.name, "articleId", article.id.toString(), "quoteStart", "", "quoteEnd", "");
        assertEquals(303, created.statusCode(), created.asString());
        long formId = Long.parseLong(created.header("Location").replaceAll(".*/claims/(\\d+).*", "$1"));
        assertEquals(List.of(start + "-" + (start + quote.length())), DeskData.strings(
                "SELECT quote_start || '-' || quote_end FROM claim WHERE id = ?1", formId));
        assertFalse(excerpt(reviewer.get("/claims/" + formId).asString()).isEmpty());

        // a range that cuts the emoji before the quote in two is refused, naming the unit
        int cut = before.length() - 3; // between the halves of 𝔢
        given().auth().preemptive().basic(REVIEWER, Accounts.PASSWORD).contentType("application/json")
                .body(java.util.Map.of("statement", "Cut " + cut, "sourceId", source.id, "articleId", article.id,
                        "quoteStart", cut, "quoteEnd", start + quote.length()))
                .post("/api/claims").then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("cuts a character in two"));
    }

    private static String excerpt(String page) {
        int at = page.indexOf("class=\"excerpt\"");
        return at < 0 ? "" : page.substring(at, Math.min(page.length(), page.indexOf("</p>", at) + 4));
    }
}
