package org.claimdesk.article;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesRegex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class ArticlesApiTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void anExtractionGivesTheCleanTextAndTheNineRequiredClaimsAndStoresNothing() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        long articles = count("article");
        long claims = count("claim");
        Response answer = json(reviewer, Map.of("text", SampleArticle.TEXT, "title", "Shells"))
                .post("/api/extractions");
        answer.then().statusCode(200).contentType("application/json");
        JsonPath body = answer.jsonPath();
        String text = body.getString("articleText");
        assertEquals(SampleArticle.TEXT.substring(0, SampleArticle.TEXT.indexOf(SampleArticle.BOILERPLATE_STARTS_AT))
                .strip(), text);
        List<Map<String, Object>> candidates = body.getList("candidates");
        for (SampleArticle.Required required : SampleArticle.REQUIRED) {
            Map<String, Object> found = candidates.stream().filter(c -> text.substring((Integer) c.get("start"),
                    (Integer) c.get("end")).strip().equals(required.sentence())).findFirst().orElse(null);
            assertNotNull(found, required.sentence());
            assertEquals(found.get("sentence"), text.substring((Integer) found.get("start"), (Integer) found.get("end")));
            @SuppressWarnings("unchecked")
            Map<String, Object> source = (Map<String, Object>) found.get("source");
            assertEquals(required.sources().get(0), source.get("name"));
            assertEquals(Boolean.FALSE, source.get("isNew"));
            assertNotNull(source.get("id"));
            if (required.sources().size() > 1) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> all = (List<Map<String, Object>>) found.get("sources");
                assertEquals(required.sources(), all.stream().map(s -> s.get("name")).toList());
            } else {
                assertFalse(found.containsKey("sources"), "sources only when there are several");
            }
            for (String key : List.of("claimStart", "claimEnd", "sourceStart", "sourceEnd", "cueStart", "cueEnd",
                    "sourceMention", "cue", "confidence", "rule", "evidence")) {
                assertTrue(found.containsKey(key), key);
            }
            assertEquals(found.get("sourceMention"), text.substring((Integer) found.get("sourceStart"),
                    (Integer) found.get("sourceEnd")));
        }
        assertEquals(articles, count("article"));
        assertEquals(claims, count("claim"));
    }

    @Test
    void anArticleWithTwentyClaimsIsStoredInOneGoWithItsNewSource() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        Source publisher = DeskData.source(Accounts.uniqueName("Wire"), SourceKind.news_outlet);
        Source minister = DeskData.source(Accounts.uniqueName("Minister"), SourceKind.person);
        String title = Accounts.uniqueName("Twenty claims");
        StringBuilder text = new StringBuilder();
        List<Map<String, Object>> claims = new ArrayList<>();
        String newName = Accounts.uniqueName("Port authority");
        for (int i = 0; i < 20; i++) {
            String sentence = "The minister said that bridge " + i + " would open in May.";
            int start = text.length() + "The minister said that ".length();
            text.append(sentence).append('\n');
            Map<String, Object> claim = new LinkedHashMap<>();
            claim.put("statement", "Bridge " + i + " opens in May.");
            claim.put("claimStart", start);
            claim.put("claimEnd", start + ("bridge " + i + " would open in May").length());
            if (i % 5 == 0) {
                claim.put("newSource", Map.of("name", newName, "kind", "government", "country", "KR"));
            } else {
                claim.put("sourceId", minister.id);
            }
            if (i == 1) {
                claim.put("quote", "bridge 1 would open in May");
            }
            claims.add(claim);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", title);
        request.put("text", text.toString());
        request.put("publisherId", publisher.id);
        request.put("url", "https://example.org/bridges");
        request.put("publishedAt", "2025-05-10");
        request.put("claims", claims);

        Response created = json(reviewer, request).post("/api/articles");
        created.then().statusCode(201).header("Location", matchesRegex(".*/api/articles/\\d+"))
                .body("title", equalTo(title)).body("publisher.id", equalTo(publisher.id.intValue()))
                .body("publishedOn", equalTo("2025-05-10")).body("claims.size()", equalTo(20))
                .body("claims.quote", hasItem("bridge 7 would open in May"));
        long id = created.jsonPath().getLong("id");
        assertEquals(20, DeskData.number("SELECT count(*) FROM claim WHERE article_id = ?1", id));
        assertEquals(1, DeskData.number("SELECT count(*) FROM source WHERE name = ?1", newName));
        assertEquals(4, DeskData.number("SELECT count(*) FROM claim c JOIN source s ON s.id = c.source_id "
                + "WHERE c.article_id = ?1 AND s.name = ?2", id, newName));
        assertEquals(text.toString().strip(), DeskData.strings("SELECT body FROM article WHERE id = ?1", id).get(0));
        reviewer.request().get(created.header("Location")).then().statusCode(200).body("id", equalTo((int) id));
    }

    @Test
    void rangesCountedInATextWithCrlfBreaksPointAtTheSameWords() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        Source minister = DeskData.source(Accounts.uniqueName("Minister"), SourceKind.person);
        String text = "\r\n  First line.\r\nThe minister said the port will close.\r\n";
        int start = text.indexOf("the port");
        Response created = json(reviewer, Map.of("title", Accounts.uniqueName("CRLF"), "text", text,
                "claims", List.of(Map.of("statement", "The port will close.", "sourceId", minister.id,
                        "claimStart", start, "claimEnd", start + "the port will close".length()))))
                .post("/api/articles");
        created.then().statusCode(201).body("claims[0].quote", equalTo("the port will close"));
    }

    @Test
    void controlCharactersInTheTextAreRemovedAndRangesCountedInTheTextAsSentStillPointAtTheSameWords() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        Source minister = DeskData.source(Accounts.uniqueName("Minister"), SourceKind.person);
        String text = "Stray\u0083 bytes\u001b here.\nThe minister said the \uFFFDport will close.\u200E";
        int start = text.indexOf("the \uFFFDport");
        Response created = json(reviewer, Map.of("title", Accounts.uniqueName("Control"), "text", text,
                "claims", List.of(Map.of("statement", "The port will close.", "sourceId", minister.id,
                        "claimStart", start, "claimEnd", start + "the \uFFFDport will close".length()))))
                .post("/api/articles");
        created.then().statusCode(201).body("claims[0].quote", equalTo("the port will close"))
                .body("text", equalTo("Stray bytes here.\nThe minister said the port will close.\u200E"));
    }

    @Test
    void anExtractionCleansControlCharactersAndSaysHowManyWentInsteadOfRefusingTheText() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        Response answer = json(reviewer, Map.of("text", "The minister\u0083 said the port\u001b will close."))
                .post("/api/extractions");
        answer.then().statusCode(200).body("articleText", equalTo("The minister said the port will close."))
                .body("invisibleRemoved", equalTo(2)).body("candidates[0].cue", equalTo("said"));
    }

    @Test
    void badInputIsRefusedWithProblemDetailsAndNothingIsStored() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        Source minister = DeskData.source(Accounts.uniqueName("Minister"), SourceKind.person);
        String text = "The minister said the port will close.";
        long articles = count("article");
        long claimsBefore = count("claim");
        long sources = count("source");

        refused(json(reviewer, Map.of("text", text, "claims", List.of())).post("/api/articles"), "title");
        refused(json(reviewer, Map.of("title", "Range", "text", text, "claims", List.of(Map.of("statement", "x",
                "sourceId", minister.id, "claimStart", 10, "claimEnd", 500)))).post("/api/articles"),
                "claims[0].claimStart");
        refused(json(reviewer, Map.of("title", "Range", "text", text, "claims", List.of(Map.of("statement", "x",
                "sourceId", minister.id, "claimStart", -1, "claimEnd", 5)))).post("/api/articles"),
                "claims[0].claimStart");
        refused(json(reviewer, Map.of("title", "Unknown", "text", text, "claims", List.of(Map.of("statement", "x",
                "sourceId", 987654321, "claimStart", 0, "claimEnd", 5)))).post("/api/articles"),
                "claims[0].sourceId");
        refused(json(reviewer, Map.of("title", "Publisher", "text", text, "publisherId", 987654321,
                "claims", List.of())).post("/api/articles"), "publisherId");
        refused(json(reviewer, Map.of("title", "No source", "text", text, "claims", List.of(Map.of("statement", "x",
                "claimStart", 0, "claimEnd", 5)))).post("/api/articles"), "claims[0].sourceId");
        refused(json(reviewer, Map.of("title", "Quote", "text", text, "claims", List.of(Map.of("statement", "x",
                "quote", "something else", "sourceId", minister.id, "claimStart", 0, "claimEnd", 5))))
                .post("/api/articles"), "claims[0].quote");
        // wrong types
        badJson(reviewer, "{\"title\":\"Types\",\"text\":\"" + text + "\",\"claims\":[{\"statement\":\"x\","
                + "\"sourceId\":" + minister.id + ",\"claimStart\":\"zero\",\"claimEnd\":5}]}", "/api/articles");
        badJson(reviewer, "{\"title\":\"Types\",\"text\":\"" + text + "\",\"claims\":[{\"statement\":\"x\","
                + "\"sourceId\":" + minister.id + ",\"claimStart\":1.5,\"claimEnd\":5}]}", "/api/articles");
        badJson(reviewer, "{\"title\":\"Types\",\"text\":[\"a\"],\"claims\":[]}", "/api/articles");
        badJson(reviewer, "{\"title\":\"Types\",\"text\":\"x\",\"claims\":{}}", "/api/articles");
        badJson(reviewer, "{\"title\":\"Types\",\"text\":\"x\",\"clams\":[]}", "/api/articles");
        badJson(reviewer, "{\"text\":{\"a\":1}}", "/api/extractions");
        refused(json(reviewer, Map.of("title", "No text")).post("/api/extractions"), "text");

        assertEquals(articles, count("article"));
        assertEquals(claimsBefore, count("claim"));
        assertEquals(sources, count("source"));
    }

    @Test
    void aFailureAfterTheFirstWritesLeavesNothingStored() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        Source minister = DeskData.source(Accounts.uniqueName("Minister"), SourceKind.person);
        String title = Accounts.uniqueName("Half stored");
        String newName = Accounts.uniqueName("Nowhere office");
        String text = "The minister said the port will close. The office said it will not.";
        long claimsBefore = count("claim");
        // the first claim is stored before the second's new source is refused for its country
        Response answer = json(reviewer, Map.of("title", title, "text", text, "claims", List.of(
                Map.of("statement", "The port will close.", "sourceId", minister.id, "claimStart", 18,
                        "claimEnd", 37),
                Map.of("statement", "The port will not close.", "newSource", Map.of("name", newName, "kind",
                        "government", "country", "ZZ"), "claimStart", 55, "claimEnd", 66))))
                .post("/api/articles");
        refused(answer, "claims[1].newSource.country");
        assertEquals(0, DeskData.number("SELECT count(*) FROM article WHERE title = ?1", title));
        assertEquals(0, DeskData.number("SELECT count(*) FROM source WHERE name = ?1", newName));
        assertEquals(claimsBefore, count("claim"));
    }

    @Test
    void viewersAreRefusedBothEndpoints() {
        DeskClient viewer = Accounts.logIn(Role.viewer);
        json(viewer, Map.of("text", "KCNA said so.")).post("/api/extractions").then().statusCode(403)
                .contentType(PROBLEM);
        json(viewer, Map.of("title", "x", "text", "y", "claims", List.of())).post("/api/articles").then()
                .statusCode(403).contentType(PROBLEM);
        DeskClient.anonymous().request().contentType("application/json").body("{\"text\":\"x\"}")
                .post("/api/extractions").then().statusCode(401).contentType(PROBLEM);
    }

    private static io.restassured.specification.RequestSpecification json(DeskClient client, Object body) {
        return client.request().contentType("application/json").body(body);
    }

    private static void refused(Response answer, String field) {
        answer.then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(field));
    }

    private static void badJson(DeskClient client, String body, String path) {
        client.request().contentType("application/json").body(body).post(path).then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("not valid JSON"));
    }

    private static long count(String table) {
        return DeskData.number("SELECT count(*) FROM " + table);
    }
}
