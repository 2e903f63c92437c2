package org.claimdesk.reviewer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AccountBootstrapTest {

    private static final String NEW_PASSWORD = "recovered by the environment";

    @Inject
    AccountBootstrap bootstrap;

    @Test
    void theEnvironmentAdminIsCreatedWhenMissing() {
        String name = Accounts.uniqueName("env-admin");
        QuarkusTransaction.requiringNew().run(() -> bootstrap.ensureAdmin(name, NEW_PASSWORD));
        given().auth().preemptive().basic(name, NEW_PASSWORD).get("/api/me").then().statusCode(200)
                .body("roles", contains("admin", "reviewer", "viewer"));
    }

    @Test
    void theEnvironmentAdminIsResetReactivatedAndPromotedWhenPresent() {
        String name = Accounts.create(Role.viewer);
        // the old password was in use a moment ago, so the desk recognises it without bcrypt until it changes
        given().auth().preemptive().basic(name, Accounts.PASSWORD).get("/api/me").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> Reviewer.update("active = false where username = ?1", name));
        QuarkusTransaction.requiringNew().run(() -> bootstrap.ensureAdmin(name, NEW_PASSWORD));
        Reviewer reset = Accounts.find(name);
        assertEquals("admin", reset.role);
        assertTrue(reset.active);
        given().auth().preemptive().basic(name, NEW_PASSWORD).get("/api/me").then().statusCode(200);
        given().auth().preemptive().basic(name, Accounts.PASSWORD).get("/api/me").then().statusCode(401);
    }

    @Test
    void aRestartWithTheSamePasswordKeepsSessionsAndANewPasswordEndsThem() {
        String name = Accounts.create(Role.admin);
        DeskClient browser = DeskClient.loggedIn(name, Accounts.PASSWORD);
        QuarkusTransaction.requiringNew().run(() -> bootstrap.ensureAdmin(name, Accounts.PASSWORD));
        browser.get("/").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> bootstrap.ensureAdmin(name, NEW_PASSWORD));
        browser.get("/").then().statusCode(302);
    }

    @Test
    void aWeakEnvironmentPasswordStopsTheStartWithTheReason() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> bootstrap.ensureAdmin("chief", "password1234")));
        assertTrue(refused.getMessage().startsWith("CLAIMDESK_ADMIN_PASSWORD is refused: "), refused.getMessage());
    }
}
