package org.claimdesk.reviewer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AccessTest {

    @ParameterizedTest
    @ValueSource(strings = { "/", "/account", "/admin/accounts", "/admin/accounts/new", "/admin/accounts/1",
            "/no-such-page" })
    void anonymousPageRequestsAreRedirectedToLogin(String path) {
        DeskClient.anonymous().get(path).then().statusCode(302).header("Location", endsWith("/login"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/me", "/api/admin/accounts", "/api/no-such-endpoint" })
    void anonymousApiRequestsGet401WithAProblem(String path) {
        given().redirects().follow(false).get(path).then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Basic"))
                .body("status", equalTo(401))
                .body("title", equalTo("Authentication required"));
    }

    @Test
    void anonymousApiWritesGet401AndNoRedirect() {
        given().redirects().follow(false).contentType("application/json")
                .body("{\"username\":\"sneaky\",\"password\":\"correct horse battery staple\",\"role\":\"admin\"}")
                .post("/api/admin/accounts").then().statusCode(401);
        org.junit.jupiter.api.Assertions.assertEquals(0, Accounts.count("sneaky"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/admin/accounts", "/admin/accounts/new" })
    void aReviewerGets403OnAdminPages(String path) {
        Accounts.logIn(Role.reviewer).get(path).then().statusCode(403)
                .contentType(startsWith("text/html"))
                .body(containsString("Your role does not allow this."));
    }

    @Test
    void aReviewerGets403OnTheAdminApi() {
        String reviewer = Accounts.create(Role.reviewer);
        given().auth().preemptive().basic(reviewer, Accounts.PASSWORD).get("/api/admin/accounts").then()
                .statusCode(403).contentType(startsWith("application/problem+json")).body("status", equalTo(403));
        given().auth().preemptive().basic(reviewer, Accounts.PASSWORD).contentType("application/json")
                .body("{\"username\":\"made-by-reviewer\",\"password\":\"correct horse battery staple\",\"role\":\"admin\"}")
                .post("/api/admin/accounts").then().statusCode(403);
        org.junit.jupiter.api.Assertions.assertEquals(0, Accounts.count("made-by-reviewer"));
    }

    @Test
    void aViewerCannotWriteAccounts() {
        DeskClient viewer = Accounts.logIn(Role.viewer);
        viewer.get("/account").then().statusCode(200);
        viewer.post("/admin/accounts", "username", "made-by-viewer", "password", "correct horse battery staple",
                "role", "viewer").then().statusCode(403);
        org.junit.jupiter.api.Assertions.assertEquals(0, Accounts.count("made-by-viewer"));
    }

    @Test
    void theBrowserSessionAlsoWorksOnTheApi() {
        String username = Accounts.create(Role.viewer);
        DeskClient.loggedIn(username, Accounts.PASSWORD).request().get("/api/me").then().statusCode(200)
                .body("username", equalTo(username)).body("roles", org.hamcrest.Matchers.contains("viewer"));
    }

    @Test
    void anAdminHoldsEveryRoleOnTheApi() {
        given().auth().preemptive().basic(Accounts.ADMIN, Accounts.ADMIN_PASSWORD).get("/api/me").then()
                .statusCode(200).body("roles", org.hamcrest.Matchers.contains("admin", "reviewer", "viewer"));
    }

    @Test
    void pagesCarrySecurityHeaders() {
        DeskClient.anonymous().get("/login").then()
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("same-origin"));
    }

    @Test
    void aMissingPageIs404ForASignedInUser() {
        Accounts.logIn(Role.viewer).get("/no-such-page").then().statusCode(404)
                .body(containsString("There is nothing at this address."));
    }

    @Test
    void healthIsPublicAndChecksTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    }
}
