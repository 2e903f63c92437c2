package org.claimdesk.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.claimdesk.article.Article;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Each page runs the same number of SQL statements whether it shows one row or a hundred (no N+1), counted by
 * Hibernate's statistics ({@code %test.quarkus.hibernate-orm.statistics}). The rows differ in every association a
 * page shows (source, article, assignee, reviewer, evidence), so a lazy load per row would show as more statements.
 */
@QuarkusTest
class StatementsPerPageTest {

    @Inject
    EntityManagerFactory entityManagerFactory;

    private String reviewer;
    private DeskClient client;

    @BeforeEach
    void logIn() {
        reviewer = Accounts.create(Role.reviewer);
        client = DeskClient.loggedIn(reviewer, Accounts.PASSWORD);
    }

    @Test
    void theClaimsListRunsAsManyStatementsForAHundredClaimsAsForOne() {
        Source source = sourceWithClaims(100);
        assertSameStatements("/claims?sourceId=" + source.id + "&size=1",
                "/claims?sourceId=" + source.id + "&size=100");
        assertSameStatements("/claims?q=" + source.name.replace(' ', '+') + "&size=1",
                "/claims?q=" + source.name.replace(' ', '+') + "&size=100");
    }

    @Test
    void theApiListRunsAsManyStatementsForAHundredClaimsAsForOne() {
        Source source = sourceWithClaims(100);
        long one = statements(() -> api().get("/api/claims?sourceId=" + source.id + "&size=1").then()
                .statusCode(200).body("items", hasSize(1)));
        long hundred = statements(() -> api().get("/api/claims?sourceId=" + source.id + "&size=100").then()
                .statusCode(200).body("items", hasSize(100)));
        assertEquals(one, hundred, "statements for 1 claim and for 100");
    }

    @Test
    void aClaimPageRunsAsManyStatementsForTwelveDecisionsWithEvidenceAsForOne() {
        Source source = DeskData.source("Statements claim source", SourceKind.government);
        long once = DeskData.claim(source, Accounts.uniqueName("Decided once about tariffs")).id;
        long often = DeskData.claim(source, Accounts.uniqueName("Decided often about tariffs")).id;
        decide(once, 1);
        decide(often, 12);
        for (int i = 0; i < 3; i++) {
            long other = DeskData.claim(source, Accounts.uniqueName("Linked claim about tariffs")).id;
            client.get("/claims/" + often);
            client.post("/claims/" + often + "/links", "otherId", Long.toString(other), "kind", "same_claim",
                    "note", "").then().statusCode(303);
        }
        assertSameStatements("/claims/" + once, "/claims/" + often);
        long one = statements(() -> api().get("/api/claims/" + once).then().statusCode(200));
        long twelve = statements(() -> api().get("/api/claims/" + often).then().statusCode(200)
                .body("history", hasSize(12)));
        assertEquals(one, twelve, "API statements for 1 decision and for 12");
    }

    @Test
    void aSourceProfileRunsAsManyStatementsForManyClaimsAsForOne() {
        Source one = sourceWithClaims(1);
        Source many = sourceWithClaims(30);
        assertSameStatements("/sources/" + one.id, "/sources/" + many.id);
    }

    @Test
    void anArticlePageRunsAsManyStatementsForTwentyQuotedClaimsAsForOne() {
        Source source = DeskData.source("Statements article source", SourceKind.news_outlet);
        String sentence = "The ministry said exports rose. ";
        Article few = DeskData.article(Accounts.uniqueName("One quote"), sentence.repeat(20), source);
        Article many = DeskData.article(Accounts.uniqueName("Twenty quotes"), sentence.repeat(20), source);
        DeskData.claimQuoting(few.id, 0, sentence.strip(), source);
        for (int i = 0; i < 20; i++) {
            Source speaker = DeskData.source("Statements speaker", SourceKind.person);
            DeskData.claimQuoting(many.id, i * sentence.length(), sentence.strip(), speaker);
        }
        assertSameStatements("/articles/" + few.id, "/articles/" + many.id);
    }

    @Test
    void theDashboardRunsAsManyStatementsForAFullQueueAsForOneClaim() {
        Source source = DeskData.source("Statements queue source", SourceKind.government);
        DeskData.claim(source, Accounts.uniqueName("Queued claim"), ClaimStatus.unverified, reviewer);
        long one = statements(() -> client.get("/").then().statusCode(200));
        for (int i = 0; i < 12; i++) {
            Source other = DeskData.source("Statements queue source", SourceKind.ngo);
            DeskData.claim(other, Accounts.uniqueName("Queued claim"), i % 2 == 0 ? ClaimStatus.disputed
                    : ClaimStatus.unverified, reviewer);
        }
        long thirteen = statements(() -> client.get("/").then().statusCode(200));
        assertEquals(one, thirteen, "dashboard statements with 1 and 13 claims in the queue");
    }

    /** A source with claims that each have their own article, assignee and status. */
    private Source sourceWithClaims(int count) {
        Source source = DeskData.source("Statements list source", SourceKind.government);
        List<String> assignees = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assignees.add(Accounts.create(Role.reviewer));
        }
        for (int i = 0; i < count; i++) {
            Article article = DeskData.article(Accounts.uniqueName("Statements article"), "Text " + i, source);
            long id = DeskData.claim(source, Accounts.uniqueName("Claim about exports"),
                    ClaimStatus.values()[i % 3], assignees.get(i % 3)).id;
            DeskData.number("UPDATE claim SET article_id = ?1, tags = '{trade,exports}' WHERE id = ?2 RETURNING 1",
                    article.id, id);
        }
        return source;
    }

    private void decide(long claimId, int times) {
        for (int version = 0; version < times; version++) {
            api().body(Map.of("status", version % 2 == 0 ? "disputed" : "verified", "rationale",
                    "Checked against the customs records.", "version", version, "evidence", List.of(
                            Map.of("url", "https://records.example.org/" + version, "title", "Record",
                                    "stance", "context"),
                            Map.of("url", "https://records.example.org/" + version + "/b", "title", "Record b",
                                    "stance", "refutes"))))
                    .post("/api/claims/" + claimId + "/verdicts").then().statusCode(201);
        }
    }

    private RequestSpecification api() {
        return given().auth().preemptive().basic(reviewer, Accounts.PASSWORD).contentType(ContentType.JSON);
    }

    private void assertSameStatements(String small, String large) {
        long few = statements(() -> client.get(small).then().statusCode(200));
        long many = statements(() -> client.get(large).then().statusCode(200));
        assertEquals(few, many, "statements for " + small + " and for " + large);
    }

    /** The JDBC statements Hibernate prepared while {@code request} ran, after one unmeasured run as a warm-up. */
    private long statements(Runnable request) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        assertTrue(statistics.isStatisticsEnabled(), "quarkus.hibernate-orm.statistics is on in the test profile");
        request.run(); // a session's "last seen" is written at most once a minute: let this run do it, if due
        statistics.clear();
        request.run();
        long prepared = statistics.getPrepareStatementCount();
        assertTrue(prepared > 0, "the page reads the database");
        return prepared;
    }
}
