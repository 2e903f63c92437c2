package org.claimdesk.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ErrorPagesTest {

    private static final String OVER_THE_LIMIT = "a".repeat(10_500_000); // over the 10 MB limit

    @Test
    void anOversizedFormGetsA413PageAndStoresNothing() {
        DeskClient admin = Accounts.logInAsAdmin();
        admin.get("/admin/accounts/new");
        admin.post("/admin/accounts", "username", "huge-form", "password", OVER_THE_LIMIT, "role", "viewer")
                .then().statusCode(413).contentType(startsWith("text/html"))
                .body(containsString("larger than Claimdesk accepts"));
        assertEquals(0, Accounts.count("huge-form"));
    }

    @Test
    void anOversizedApiBodyGetsA413Problem() {
        given().auth().preemptive().basic(Accounts.ADMIN, Accounts.ADMIN_PASSWORD).contentType("application/json")
                .body("{\"username\":\"huge-api\",\"password\":\"" + OVER_THE_LIMIT + "\",\"role\":\"viewer\"}")
                .post("/api/admin/accounts").then().statusCode(413)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(413));
        assertEquals(0, Accounts.count("huge-api"));
    }

    @Test
    void aWrongContentTypeOnTheApiGets415() {
        given().auth().preemptive().basic(Accounts.ADMIN, Accounts.ADMIN_PASSWORD).contentType("text/plain")
                .body("username=x").post("/api/admin/accounts").then().statusCode(415)
                .contentType(startsWith("application/problem+json")).body("title", equalTo("Unsupported content type"));
    }

    @Test
    void aWrongMethodGets405NotAStackTrace() {
        Accounts.logIn(Role.viewer).get("/logout").then().statusCode(405)
                .body(containsString("does not accept that kind of request"))
                .body(not(containsString("Exception")));
    }

    @Test
    void aNulByteInJsonIsRefusedWith400() {
        given().auth().preemptive().basic(Accounts.ADMIN, Accounts.ADMIN_PASSWORD).contentType("application/json")
                .body("{\"username\":\"nul\\u0000name\",\"password\":\"correct horse battery staple\",\"role\":\"viewer\"}")
                .post("/api/admin/accounts").then().statusCode(400).body("errors[0].field", equalTo("username"));
    }

    @Test
    void wrongJsonTypesAreRefusedWith400() {
        given().auth().preemptive().basic(Accounts.ADMIN, Accounts.ADMIN_PASSWORD).contentType("application/json")
                .body("{\"username\":{\"a\":1},\"password\":5,\"role\":[1]}")
                .post("/api/admin/accounts").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("not valid JSON for this endpoint"));
    }

    @Test
    void badlyEncodedFormDataIs400() {
        DeskClient viewer = Accounts.logIn(Role.viewer);
        viewer.get("/account");
        viewer.request().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body("csrf-token=" + viewer.cookie("claimdesk-csrf") + "&current=%zz").post("/account/password")
                .then().statusCode(400);
    }

    @Test
    void aNonNumericIdIs404ForAnAdmin() {
        Accounts.logInAsAdmin().get("/admin/accounts/not-a-number").then().statusCode(404);
    }
}
