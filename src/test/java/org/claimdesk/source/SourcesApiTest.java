package org.claimdesk.source;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskData;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class SourcesApiTest {

    private static final String KCNA = "Korean Central News Agency (KCNA)";

    @Test
    void theApiCreatesASourceWith201AndReadsItBackWithItsCounts() {
        String name = SourceFixtures.uniqueName("Api agency");
        Response created = as(Role.reviewer).contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"kind\":\"state_media\",\"country\":\"kp\","
                        + "\"aliases\":[\"Api alias\",\"API ALIAS\",\"" + name + "\",\" \"],"
                        + "\"description\":\"Made by a script.\",\"website\":\"https://example.org\"}")
                .post("/api/sources");
        long id = SourceFixtures.byName(name).id;
        created.then().statusCode(201).header("Location", endsWith("/api/sources/" + id))
                .body("id", equalTo((int) id)).body("name", equalTo(name)).body("kind", equalTo("state_media"))
                .body("country", equalTo("KP")).body("aliases", contains("Api alias"))
                .body("description", equalTo("Made by a script.")).body("website", equalTo("https://example.org"))
                .body("version", equalTo(0)).body("counts", nullValue());

        as(Role.viewer).get(created.header("Location")).then().statusCode(200).body("name", equalTo(name))
                .body("counts.verified", equalTo(0)).body("counts.disputed", equalTo(0))
                .body("counts.unverified", equalTo(0));
    }

    @Test
    void theApiCountsASourcesClaimsByStatus() {
        Source source = DeskData.source(SourceFixtures.uniqueName("Api counted"), SourceKind.person, null);
        DeskData.claim(source, "Disputed once.", ClaimStatus.disputed, null);
        DeskData.claim(source, "Not checked yet.", ClaimStatus.unverified, null);
        DeskData.claim(source, "Not checked either.", ClaimStatus.unverified, null);
        as(Role.viewer).get("/api/sources/" + source.id).then().statusCode(200)
                .body("counts.verified", equalTo(0)).body("counts.disputed", equalTo(1))
                .body("counts.unverified", equalTo(2));
    }

    @Test
    void theApiRefusesAnInvalidSourceWith400NamingEachField() {
        as(Role.reviewer).contentType("application/json")
                .body("{\"name\":\"\",\"kind\":\"wizard\",\"country\":\"ZZ\",\"website\":\"javascript:alert(1)\"}")
                .post("/api/sources").then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("errors.field", hasItems("name", "kind", "country", "website"));
        as(Role.reviewer).contentType("application/json").body("").post("/api/sources").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void theApiRefusesADuplicateNameWith409() {
        String name = SourceFixtures.uniqueName("Api taken");
        DeskData.source(name, SourceKind.other, null);
        as(Role.reviewer).contentType("application/json")
                .body("{\"name\":\"" + name.toLowerCase() + "\",\"kind\":\"other\"}").post("/api/sources").then()
                .statusCode(409).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("already exists")).body("errors[0].field", equalTo("name"));
        assertEquals(1, SourceFixtures.count(name));
    }

    @Test
    void tenReviewersAddingOneNameAtOnceGetOne201AndNine409s() throws Exception {
        String name = SourceFixtures.uniqueName("Raced");
        String reviewer = Accounts.create(Role.reviewer);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String spelling = i % 2 == 0 ? name : name.toUpperCase();
                results.add(pool.submit(() -> {
                    start.await();
                    return given().auth().preemptive().basic(reviewer, Accounts.PASSWORD)
                            .contentType("application/json").body("{\"name\":\"" + spelling + "\",\"kind\":\"other\"}")
                            .post("/api/sources").statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertEquals(1, Collections.frequency(statuses, 201), statuses.toString());
            assertEquals(9, Collections.frequency(statuses, 409), statuses.toString());
            assertEquals(1, SourceFixtures.count(name));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theApiSearchFindsKcnaByPartOfItsNameAndByAnAlias() {
        as(Role.viewer).queryParam("q", "Korean Central").get("/api/sources").then().statusCode(200)
                .body("items.name", hasItem(KCNA));
        as(Role.viewer).queryParam("q", "North Korea's official news agency").get("/api/sources").then()
                .statusCode(200).body("items.name", hasItem(KCNA)).body("items.name", not(hasItem("Vladimir Putin")));
    }

    @Test
    void theApiFiltersByKindAndCountry() {
        as(Role.viewer).queryParam("kind", "government").queryParam("country", "kp").get("/api/sources").then()
                .statusCode(200).body("items.name", hasItem("Government of North Korea"))
                .body("items.kind", everyItem(equalTo("government"))).body("items.country", everyItem(equalTo("KP")));
        as(Role.viewer).queryParam("country", "Korea").get("/api/sources").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("country"));
    }

    @Test
    void aMissingSourceIsA404Problem() {
        as(Role.viewer).get("/api/sources/999999999").then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("There is no source with id 999999999."));
    }

    @Test
    void aViewerCannotCreateASourceAndAnonymousCallsGet401() {
        String name = SourceFixtures.uniqueName("Api by viewer");
        String body = "{\"name\":\"" + name + "\",\"kind\":\"other\"}";
        as(Role.viewer).contentType("application/json").body(body).post("/api/sources").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().redirects().follow(false).contentType("application/json").body(body).post("/api/sources").then()
                .statusCode(401).contentType(startsWith("application/problem+json"));
        given().redirects().follow(false).get("/api/sources").then().statusCode(401);
        assertEquals(0, SourceFixtures.count(name));
    }

    private static RequestSpecification as(Role role) {
        return given().auth().preemptive().basic(Accounts.create(role), Accounts.PASSWORD);
    }
}
