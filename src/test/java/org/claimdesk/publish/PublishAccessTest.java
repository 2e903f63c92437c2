package org.claimdesk.publish;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may use each publishing route: the desk's pages and API by role, and nothing else without a login. */
@QuarkusTest
class PublishAccessTest {

    private record Route(String method, String path, Role least) {
    }

    @Test
    void everyPublishingPageAdmitsItsRoleAndUpRefusesTheRestAndChangesNothingOnNonsense() {
        Source source = DeskData.source("Publish access", SourceKind.other);
        Claim claim = DeskData.claim(source, "Publishing checks roles.", ClaimStatus.disputed, null);
        List<Route> routes = List.of(new Route("GET", "/imports/claimreview", Role.reviewer),
                new Route("GET", "/admin/ratings", Role.admin),
                new Route("POST", "/claims/" + claim.id + "/publication/delete", Role.reviewer),
                new Route("POST", "/claims/" + claim.id + "/publication/correction", Role.reviewer),
                new Route("POST", "/admin/ratings", Role.admin),
                new Route("POST", "/admin/ratings/delete", Role.admin));
        long events = DeskData.number("SELECT count(*) FROM publication_event");
        long audit = DeskData.number("SELECT count(*) FROM audit_log");
        for (Role role : Role.values()) {
            DeskClient client = Accounts.logIn(role);
            client.get("/");
            for (Route route : routes) {
                boolean allowed = role.grants().contains(route.least().name());
                int status = route.method().equals("GET") ? client.get(route.path()).statusCode()
                        : client.post(route.path(), "version", "nonsense", "label", "").statusCode();
                if (allowed) {
                    boolean ok = route.method().equals("GET") ? status == 200 : status >= 400 && status != 403;
                    assertTrue(ok, role + " " + route + " answered " + status);
                } else {
                    assertEquals(403, status, role + " " + route);
                }
            }
        }
        DeskClient anonymous = DeskClient.anonymous();
        for (Route route : routes) {
            int status = route.method().equals("GET") ? anonymous.get(route.path()).statusCode()
                    : anonymous.postWithoutToken(route.path(), "label", "x").statusCode();
            assertTrue(status == 302 || status == 401 || status == 400, "anonymous " + route + ": " + status);
        }
        assertEquals(0, DeskData.number("SELECT count(*) FROM publication WHERE claim_id = ?1", claim.id));
        assertEquals(events, DeskData.number("SELECT count(*) FROM publication_event"));
        assertEquals(audit, DeskData.number("SELECT count(*) FROM audit_log"));
    }

    @Test
    void everyPublishingApiRouteAnswers401WithoutCredentialsAnd403ToViewers() {
        Source source = DeskData.source("Publish api access", SourceKind.other);
        Claim claim = DeskData.claim(source, "The publishing API checks roles.", ClaimStatus.verified, null);
        String viewer = Accounts.create(Role.viewer);
        given().get("/api/claims/" + claim.id + "/claimreview").then().statusCode(401);
        given().auth().preemptive().basic(viewer, Accounts.PASSWORD).get("/api/claims/" + claim.id + "/claimreview")
                .then().statusCode(403);
        for (String path : List.of("/api/claims/" + claim.id + "/publication", "/api/imports/claimreview")) {
            given().contentType(ContentType.JSON).body("[]").post(path).then().statusCode(401);
            given().auth().preemptive().basic(viewer, Accounts.PASSWORD).contentType(ContentType.JSON).body("[]")
                    .post(path).then().statusCode(403);
        }
        given().delete("/api/claims/" + claim.id + "/publication").then().statusCode(401);
        assertEquals(0, DeskData.number("SELECT count(*) FROM publication WHERE claim_id = ?1", claim.id));
    }
}
