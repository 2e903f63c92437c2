package org.claimdesk.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.claimdesk.article.Article;
import org.claimdesk.claim.Claim;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may use each route of the workbench: every page and API route, for each role. */
@QuarkusTest
class WorkbenchAccessTest {

    private record Route(String method, String path, Role least) {
    }

    private static List<Route> routes() {
        Source source = DeskData.source("Access", SourceKind.other);
        Claim claim = DeskData.claim(source, "Access is checked on every route.");
        Article article = DeskData.article("Access article", "Body text.", source);
        List<Route> routes = new ArrayList<>();
        for (String path : List.of("/", "/claims", "/claims/" + claim.id, "/sources", "/sources/" + source.id,
                "/articles", "/articles/" + article.id)) {
            routes.add(new Route("GET", path, Role.viewer));
        }
        for (String path : List.of("/claims/new", "/claims/" + claim.id + "/edit", "/sources/new",
                "/sources/" + source.id + "/edit", "/articles/new", "/articles/" + article.id + "/edit")) {
            routes.add(new Route("GET", path, Role.reviewer));
        }
        for (String path : List.of("/claims", "/claims/" + claim.id, "/claims/" + claim.id + "/verdicts",
                "/claims/" + claim.id + "/links", "/claims/" + claim.id + "/links/1/delete", "/sources",
                "/sources/" + source.id, "/articles", "/articles/" + article.id)) {
            routes.add(new Route("POST", path, Role.reviewer));
        }
        routes.add(new Route("POST", "/sources/" + source.id + "/merge", Role.admin));
        return routes;
    }

    private static int rank(Role role) {
        return switch (role) {
            case viewer -> 1;
            case reviewer -> 2;
            case admin -> 3;
        };
    }

    @Test
    void everyPageRouteAdmitsItsRoleAndUpAndRefusesTheRest() {
        List<Route> routes = routes();
        long reviews = DeskData.number("SELECT count(*) FROM review");
        long claims = DeskData.number("SELECT count(*) FROM claim");
        long sources = DeskData.number("SELECT count(*) FROM source");
        for (Role role : Role.values()) {
            DeskClient client = Accounts.logIn(role);
            client.get("/"); // a CSRF token, as a browser would hold
            for (Route route : routes) {
                boolean allowed = rank(role) >= rank(route.least());
                int status = route.method().equals("GET") ? client.get(route.path()).statusCode()
                        : client.post(route.path(), "version", "nonsense").statusCode();
                if (allowed) {
                    // an allowed POST with a nonsense form is refused for its content, never for the role
                    boolean ok = route.method().equals("GET") ? status == 200 : status >= 400 && status != 403;
                    assertEquals(true, ok, role + " " + route + " answered " + status);
                } else {
                    assertEquals(403, status, role + " " + route);
                }
            }
        }
        DeskClient anonymous = DeskClient.anonymous();
        for (Route route : routes) {
            int status = route.method().equals("GET") ? anonymous.get(route.path()).statusCode()
                    : anonymous.postWithoutToken(route.path(), "version", "0").statusCode();
            assertEquals(true, status == 302 || status == 401 || status == 400, "anonymous " + route + ": " + status);
        }
        assertEquals(reviews, DeskData.number("SELECT count(*) FROM review"));
        assertEquals(claims, DeskData.number("SELECT count(*) FROM claim"));
        assertEquals(sources, DeskData.number("SELECT count(*) FROM source"));
    }

    @Test
    void everyApiRouteAnswers401WithoutCredentialsAnd403BelowItsRole() {
        Source source = DeskData.source("Api access", SourceKind.other);
        Claim claim = DeskData.claim(source, "The API checks roles too.");
        String viewer = Accounts.create(Role.viewer);
        for (String path : List.of("/api/sources", "/api/sources/" + source.id, "/api/claims",
                "/api/claims/" + claim.id, "/api/claims/" + claim.id + "/related")) {
            given().get(path).then().statusCode(401);
            given().auth().preemptive().basic(viewer, Accounts.PASSWORD).get(path).then().statusCode(200);
        }
        for (String path : List.of("/api/sources", "/api/claims", "/api/claims/" + claim.id + "/verdicts")) {
            given().contentType(ContentType.JSON).body("{}").post(path).then().statusCode(401);
            given().auth().preemptive().basic(viewer, Accounts.PASSWORD).contentType(ContentType.JSON).body("{}")
                    .post(path).then().statusCode(403);
        }
        assertEquals(0, DeskData.number("SELECT count(*) FROM review WHERE claim_id = ?1", claim.id));
    }
}
