package org.claimdesk.claim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskData;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ClaimsApiTest {

    private static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, Accounts.PASSWORD).contentType(ContentType.JSON);
    }

    @Test
    void aReviewerCreatesAClaimDecidesItAndTheHistoryShowsWhoDecidedWhatAndWhy() {
        String reviewer = Accounts.create(Role.reviewer);
        Source source = DeskData.source("ministry", SourceKind.government);

        int id = as(reviewer).body(Map.of("statement", "The ministry says exports doubled in 2024.",
                "quote", "Exports have doubled", "sourceId", source.id, "claimDate", "2025-01-15",
                "tags", List.of("Trade", "exports ")))
                .post("/api/claims").then().statusCode(201)
                .header("Location", containsString("/api/claims/"))
                .body("status", equalTo("unverified")).body("version", equalTo(0))
                .body("source.name", equalTo(source.name)).body("tags", equalTo(List.of("trade", "exports")))
                .body("history", hasSize(0)).body("createdBy", equalTo(reviewer))
                .extract().path("id");

        as(reviewer).body(Map.of("status", "disputed", "rationale", "Customs data shows a 12% rise, not a doubling.",
                "version", 0, "evidence", List.of(Map.of("url", "https://customs.example.org/2024", "title",
                        "Customs yearbook 2024", "stance", "refutes", "note", "Table 3"))))
                .post("/api/claims/" + id + "/verdicts").then().statusCode(201)
                .body("status", equalTo("disputed")).body("version", equalTo(1))
                .body("history", hasSize(1))
                .body("history[0].status", equalTo("disputed"))
                .body("history[0].previousStatus", equalTo("unverified"))
                .body("history[0].rationale", equalTo("Customs data shows a 12% rise, not a doubling."))
                .body("history[0].reviewer", equalTo(reviewer))
                .body("history[0].at", notNullValue())
                .body("history[0].evidence[0].url", equalTo("https://customs.example.org/2024"))
                .body("history[0].evidence[0].stance", equalTo("refutes"));

        // reopening is a decision too, and needs no rationale
        as(reviewer).body(Map.of("status", "unverified", "version", 1)).post("/api/claims/" + id + "/verdicts")
                .then().statusCode(201).body("status", equalTo("unverified")).body("history", hasSize(2))
                .body("history[1].previousStatus", equalTo("disputed"));

        as(reviewer).get("/api/claims/" + id).then().statusCode(200).body("quote", equalTo("Exports have doubled"))
                .body("history.status", equalTo(List.of("disputed", "unverified")));
        assertEquals(2, DeskData.number("SELECT count(*) FROM review WHERE claim_id = ?1", (long) id));
    }

    @Test
    void aStaleVersionGets409AndTheHistoryKeepsOnlyTheWinner() {
        String first = Accounts.create(Role.reviewer);
        String second = Accounts.create(Role.reviewer);
        Claim claim = DeskData.claim(DeskData.source("agency", SourceKind.state_media), "The dam was finished in May.");
        as(first).body(Map.of("status", "verified", "rationale", "Opening ceremony footage.", "version", 0))
                .post("/api/claims/" + claim.id + "/verdicts").then().statusCode(201);
        as(second).body(Map.of("status", "disputed", "rationale", "Satellite images show works.", "version", 0))
                .post("/api/claims/" + claim.id + "/verdicts").then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(409)).body("detail", containsString("This claim changed after you opened it"));
        assertEquals(1, DeskData.number("SELECT count(*) FROM review WHERE claim_id = ?1", claim.id));
        assertEquals("verified", DeskData.findClaim(claim.id).status.name());
    }

    @Test
    void aViewerGets403AndBadVerdictsGet400WithTheFieldNamed() {
        String viewer = Accounts.create(Role.viewer);
        String reviewer = Accounts.create(Role.reviewer);
        Claim claim = DeskData.claim(DeskData.source("party", SourceKind.other), "Turnout was 80 percent.");
        String path = "/api/claims/" + claim.id + "/verdicts";

        as(viewer).body(Map.of("status", "verified", "rationale", "x", "version", 0)).post(path).then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        as(viewer).body(Map.of("statement", "x", "sourceId", claim.source.id)).post("/api/claims").then()
                .statusCode(403);
        as(reviewer).body(Map.of("status", "verified", "version", 0)).post(path).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("rationale"));
        as(reviewer).body(Map.of("status", "true", "rationale", "x", "version", 0)).post(path).then().statusCode(400)
                .body("errors.field", hasItem("status"));
        as(reviewer).body(Map.of("status", "verified", "rationale", "x", "version", 0, "evidence",
                List.of(Map.of("url", "javascript:alert(1)", "title", "t", "stance", "supports")))).post(path)
                .then().statusCode(400).body("errors.field", hasItem("evidence[0].url"));
        given().contentType(ContentType.JSON).body(Map.of("status", "verified")).post(path).then().statusCode(401);
        assertEquals(0, DeskData.number("SELECT count(*) FROM review WHERE claim_id = ?1", claim.id));
        as(reviewer).get("/api/claims/999999999").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void theListFiltersByStatusSourceAndSearchAndCountsTheTotal() {
        String reviewer = Accounts.create(Role.reviewer);
        Source source = DeskData.source("bureau", SourceKind.government);
        Claim a = DeskData.claim(source, "Wheat harvest fell by a third this summer.");
        DeskData.claim(source, "Rice imports rose sharply.");
        as(reviewer).body(Map.of("status", "verified", "rationale", "Ministry statistics.", "version", 0))
                .post("/api/claims/" + a.id + "/verdicts").then().statusCode(201);

        as(reviewer).get("/api/claims?sourceId=" + source.id).then().statusCode(200).body("total", equalTo(2))
                .body("items", hasSize(2)).body("items.source.name", everyItem(equalTo(source.name)));
        as(reviewer).get("/api/claims?sourceId=" + source.id + "&status=verified").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(a.id.intValue()))
                .body("items[0].status", equalTo("verified"));
        as(reviewer).get("/api/claims?sourceId=" + source.id + "&q=harvests").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].statement", equalTo(a.statement));
        as(reviewer).get("/api/claims?sourceId=" + source.id + "&size=1&page=2").then().statusCode(200)
                .body("items", hasSize(1)).body("total", equalTo(2)).body("page", equalTo(2));
        as(reviewer).get("/api/claims?page=0").then().statusCode(400).body("errors.field", hasItem("page"));
        as(reviewer).get("/api/claims?size=100000").then().statusCode(400);
        as(reviewer).get("/api/claims?status=maybe").then().statusCode(400).body("errors.field", hasItem("status"));
    }

    @Test
    void fullTextSearchForShellProductionFindsTheKcnaClaim() {
        String viewer = Accounts.create(Role.viewer);
        Claim kcna = DeskData.demoClaim("Korean Central News Agency (KCNA)", "shell production");
        as(viewer).get("/api/claims?q=shell production").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1)).body("items.id", hasItem(kcna.id.intValue()));
        // source aliases are searched too
        as(viewer).get("/api/claims?q=\"North Korea's official news agency\"").then().statusCode(200)
                .body("items.id", hasItem(kcna.id.intValue()));
    }

    @Test
    void relatedClaimsOfTheKcnaClaimListAnotherClaimAboutShellProduction() {
        String reviewer = Accounts.create(Role.reviewer);
        Claim kcna = DeskData.demoClaim("Korean Central News Agency (KCNA)", "shell production");
        Claim other = DeskData.claim(DeskData.source("monitor", SourceKind.ngo),
                "North Korea doubled its annual artillery shell production capacity.");
        as(reviewer).get("/api/claims/" + kcna.id + "/related").then().statusCode(200)
                .body("items.id", hasItem(other.id.intValue()))
                .body("items.find { it.id == " + other.id + " }.similarity", notNullValue())
                .body("items.find { it.id == " + other.id + " }.source.name", startsWith("monitor"));
    }

    @Test
    void relatedClaimsOfTheNisWorkersClaimListTheOther15000Figure() {
        String viewer = Accounts.create(Role.viewer);
        Claim workers = DeskData.demoClaim("National Intelligence Service (South Korea)", "15,000 workers");
        Claim troops = DeskData.demoClaim("National Intelligence Service (South Korea)", "15,000 deployed troops");
        // by its words, not its id: other tests import the sample article, whose copy of the troops claim may rank first
        assertTrue(troops.statement.contains("15,000 deployed troops"), troops.statement);
        as(viewer).get("/api/claims/" + workers.id + "/related").then().statusCode(200)
                .body("items.statement", hasItem(containsString("15,000 deployed troops")));
        as(viewer).get("/api/claims/999999999/related").then().statusCode(404);
    }

    @Test
    void aClaimWithAnUnknownSourceOrNoStatementIsRefusedAndNothingIsStored() {
        String reviewer = Accounts.create(Role.reviewer);
        long before = DeskData.number("SELECT count(*) FROM claim");
        as(reviewer).body(Map.of("statement", "  ", "sourceId", 999999999)).post("/api/claims").then().statusCode(400)
                .body("errors.field", hasItem("statement")).body("errors.field", hasItem("sourceId"));
        as(reviewer).body("{\"statement\": 5, \"sourceId\": \"abc\"}").post("/api/claims").then().statusCode(400);
        as(reviewer).body("not json").post("/api/claims").then().statusCode(400);
        as(reviewer).body(Map.of("statement", "bad\u0000byte", "sourceId", 1)).post("/api/claims").then()
                .statusCode(400).body("errors.field", hasItem("statement"));
        assertEquals(before, DeskData.number("SELECT count(*) FROM claim"));
        as(reviewer).get("/api/claims/1/nothing").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void searchTreatsTheClaimAndItsSourceNamesAsOneTextSoExclusionsAndMixedWordsWork() {
        String viewer = Accounts.create(Role.viewer);
        String alias = Accounts.uniqueName("zq").replace("-", "");
        Source source = DeskData.source(Accounts.uniqueName("Defence ministry"), SourceKind.government, "KR", alias);
        Claim missiles = DeskData.claim(source, "Launchers for missiles were moved north.");
        Claim workers = DeskData.claim(source, "Workers were sent to the launch sites.");
        as(viewer).get("/api/claims?q=" + alias + " missiles").then().statusCode(200)
                .body("items.id", equalTo(List.of(missiles.id.intValue())));
        as(viewer).get("/api/claims?q=" + alias + " -workers").then().statusCode(200)
                .body("items.id", equalTo(List.of(missiles.id.intValue())));
        as(viewer).get("/api/claims?q=" + alias).then().statusCode(200).body("total", equalTo(2));
        // renaming the source's aliases reaches its claims' search text
        QuarkusTransaction.requiringNew().run(() -> {
            Source stored = Source.findById(source.id);
            stored.aliases = new ArrayList<>(List.of(alias + "renamed"));
        });
        as(viewer).get("/api/claims?q=" + alias + "renamed").then().statusCode(200).body("total", equalTo(2));
        assertEquals(0, workers.version);
    }

    @Test
    void aFigureIsFoundWrittenWithOrWithoutItsThousandsSeparator() {
        String viewer = Accounts.create(Role.viewer);
        Claim workers = DeskData.demoClaim("National Intelligence Service (South Korea)", "15,000 workers");
        Claim casualties = DeskData.demoClaim("National Intelligence Service (South Korea)", "5,000 casualties");
        for (String q : List.of("15,000 workers", "15000 workers")) {
            as(viewer).get("/api/claims?q=" + q).then().statusCode(200).body("items.id", hasItem(workers.id.intValue()));
        }
        // "5,000" is not "15,000": figures are whole words, not their last three digits
        Source source = DeskData.source("Figures", SourceKind.other);
        Claim other = DeskData.claim(source, "Rents rose 5,000 percent in the capital.");
        as(viewer).get("/api/claims?sourceId=" + source.id + "&q=15,000").then().statusCode(200).body("total", equalTo(0));
        as(viewer).get("/api/claims?sourceId=" + source.id + "&q=5,000").then().statusCode(200)
                .body("items.id", equalTo(List.of(other.id.intValue())));
        as(viewer).get("/api/claims?q=5000 casualties").then().statusCode(200)
                .body("items.id", hasItem(casualties.id.intValue()));
    }
}
