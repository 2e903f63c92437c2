package org.claimdesk.publish;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.claimdesk.article.Article;
import org.claimdesk.claim.Claim;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.system.Role;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A reviewer at work for the publishing tests: makes claims with a claimant and an article, decides and publishes. */
final class Desk {

    private static final Pattern JSON_LD = Pattern.compile(
            "<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

    final String reviewer = Accounts.create(Role.reviewer);
    final DeskClient browser = DeskClient.loggedIn(reviewer, Accounts.PASSWORD);

    RequestSpecification api() {
        return given().auth().preemptive().basic(reviewer, Accounts.PASSWORD).contentType(ContentType.JSON);
    }

    /** A claim by a person with a website, quoted in an article with a URL, claimed on 3 March 2025. */
    long claim(String statement) {
        String suffix = Accounts.uniqueName("");
        return QuarkusTransaction.requiringNew().call(() -> {
            Source source = new Source();
            source.name = "Jane Minister" + suffix;
            source.kind = SourceKind.person;
            source.website = "https://minister.example.org/jane";
            source.persist();
            Source outlet = new Source();
            outlet.name = "Daily Example" + suffix;
            outlet.kind = SourceKind.news_outlet;
            outlet.persist();
            Article article = new Article();
            article.title = "Minister speaks on exports";
            article.url = "https://news.example.org/exports" + suffix;
            article.publishedOn = LocalDate.of(2025, 3, 4);
            article.publisher = outlet;
            article.body = "The minister said: " + statement;
            article.persist();
            Claim claim = new Claim();
            claim.statement = statement;
            claim.quote = statement;
            claim.source = source;
            claim.article = article;
            claim.claimDate = LocalDate.of(2025, 3, 3);
            claim.persist();
            return claim.id;
        });
    }

    /** Decides through the API from the claim's current version. */
    Response decide(long claimId, String status, String rationale) {
        int version = api().get("/api/claims/" + claimId).then().statusCode(200).extract().path("version");
        return api().body(Map.of("status", status, "rationale", rationale, "version", version, "evidence",
                List.of(Map.of("url", "https://stats.example.org/exports", "title", "Export statistics 2024",
                        "stance", "refutes", "note", "Table 2"))))
                .post("/api/claims/" + claimId + "/verdicts");
    }

    long decided(String statement, String status) {
        long id = claim(statement);
        decide(id, status, "The export statistics show a 12% rise.").then().statusCode(201);
        return id;
    }

    Response publish(long claimId) {
        browser.get("/claims/" + claimId);
        return browser.post("/claims/" + claimId + "/publication");
    }

    Response unpublish(long claimId) {
        browser.get("/claims/" + claimId);
        return browser.post("/claims/" + claimId + "/publication/delete");
    }

    /** Publishes and answers the slug. */
    String published(long claimId) {
        assertEquals(303, publish(claimId).statusCode(), "publishing claim " + claimId);
        return slug(claimId);
    }

    static String slug(long claimId) {
        return QuarkusTransaction.requiringNew().call(() -> Publication.of(claimId).orElseThrow().slug);
    }

    /** The JSON-LD blocks of a page, parsed. */
    static List<JsonNode> jsonLd(String html) {
        List<JsonNode> blocks = new ArrayList<>();
        Matcher m = JSON_LD.matcher(html);
        while (m.find()) {
            try {
                blocks.add(new ObjectMapper().readTree(m.group(1)));
            } catch (Exception e) {
                throw new AssertionError("JSON-LD that does not parse: " + m.group(1), e);
            }
        }
        assertTrue(!blocks.isEmpty(), "the page should embed JSON-LD");
        return blocks;
    }
}
