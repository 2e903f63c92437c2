package org.claimdesk.reviewer;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MyAccountTest {

    private static final String NEW_PASSWORD = "an entirely new passphrase";

    @Test
    void everyoneChangesTheirOwnPasswordWithTheCurrentOne() {
        String username = Accounts.create(Role.viewer);
        DeskClient me = DeskClient.loggedIn(username, Accounts.PASSWORD);
        me.get("/account").then().statusCode(200).body(containsString("Change your password"));
        me.post("/account/password", "current", Accounts.PASSWORD, "password", NEW_PASSWORD, "confirmation",
                NEW_PASSWORD).then().statusCode(303);
        me.get("/account").then().statusCode(200).body(containsString("Your password has been changed."));
        assertTrue(DeskClient.loggedIn(username, NEW_PASSWORD).hasSession());
    }

    @Test
    void changingThePasswordLogsOutTheOtherSessionsButNotThisOne() {
        String username = Accounts.create(Role.reviewer);
        DeskClient laptop = DeskClient.loggedIn(username, Accounts.PASSWORD);
        DeskClient phone = DeskClient.loggedIn(username, Accounts.PASSWORD);
        phone.get("/").then().statusCode(200);
        laptop.get("/account");
        laptop.post("/account/password", "current", Accounts.PASSWORD, "password", NEW_PASSWORD, "confirmation",
                NEW_PASSWORD).then().statusCode(303);
        laptop.get("/").then().statusCode(200);
        phone.get("/").then().statusCode(302);
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        String username = Accounts.create(Role.reviewer);
        DeskClient me = DeskClient.loggedIn(username, Accounts.PASSWORD);
        me.get("/account");
        me.post("/account/password", "current", "not my password", "password", NEW_PASSWORD, "confirmation",
                NEW_PASSWORD).then().statusCode(400).body(containsString("The current password is not correct."));
        assertFalse(DeskClient.anonymous().login(username, NEW_PASSWORD).getCookies()
                .containsKey(DeskClient.SESSION_COOKIE));
    }

    @Test
    void aStolenSessionCannotGuessTheCurrentPassword() {
        String username = Accounts.create(Role.reviewer);
        DeskClient thief = DeskClient.loggedIn(username, Accounts.PASSWORD);
        thief.get("/account");
        for (int i = 0; i < 5; i++) {
            thief.post("/account/password", "current", "guess " + i, "password", NEW_PASSWORD, "confirmation",
                    NEW_PASSWORD).then().statusCode(400);
        }
        thief.post("/account/password", "current", Accounts.PASSWORD, "password", NEW_PASSWORD, "confirmation",
                NEW_PASSWORD).then().statusCode(429).body(containsString("Too many wrong passwords."));
        assertTrue(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Reviewer.findByUsername(username).orElseThrow().passwordMatches(Accounts.PASSWORD)));
    }

    @Test
    void mismatchedConfirmationIsRefused() {
        DeskClient me = Accounts.logIn(Role.reviewer);
        me.get("/account");
        me.post("/account/password", "current", Accounts.PASSWORD, "password", NEW_PASSWORD, "confirmation",
                NEW_PASSWORD + "!").then().statusCode(400).body(containsString("do not match"));
    }
}
