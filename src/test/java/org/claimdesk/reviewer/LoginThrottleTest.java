package org.claimdesk.reviewer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LoginThrottleTest {

    @Test
    void afterFiveFailuresEvenTheRightPasswordIsRefusedForAWhile() {
        String username = Accounts.create(Role.reviewer);
        for (int i = 0; i < 5; i++) {
            assertFalse(DeskClient.anonymous().login(username, "wrong password " + i).getCookies()
                    .containsKey(DeskClient.SESSION_COOKIE));
        }
        DeskClient browser = DeskClient.anonymous();
        browser.login(username, Accounts.PASSWORD);
        assertFalse(browser.hasSession(), "the sixth try is refused although the password is right");
        browser.get("/login?error=true").then().statusCode(200)
                .body(containsString("Too many failed logins. Logins are paused for 15 minutes."));

        given().auth().preemptive().basic(username, Accounts.PASSWORD).get("/api/me").then().statusCode(401)
                .body("detail", containsString("Too many failed logins"));
    }

    @Test
    void aPasswordUsedMinutesAgoDoesNotOpenALockedAccount() {
        String username = Accounts.create(Role.reviewer);
        given().auth().preemptive().basic(username, Accounts.PASSWORD).get("/api/me").then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            given().auth().preemptive().basic(username, "wrong " + i).get("/api/me").then().statusCode(401);
        }
        given().auth().preemptive().basic(username, Accounts.PASSWORD).get("/api/me").then().statusCode(401)
                .body("detail", containsString("Too many failed logins"));
        assertFalse(DeskClient.anonymous().login(username, Accounts.PASSWORD).getCookies()
                .containsKey(DeskClient.SESSION_COOKIE));
    }

    @Test
    void concurrentGuessesCannotSlipPastTheLimit() throws Exception {
        String username = Accounts.create(Role.reviewer);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var tries = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                tries.add(pool.submit(() -> {
                    start.await();
                    return DeskClient.anonymous().login(username, "guess number " + n).statusCode();
                }));
            }
            start.countDown();
            for (var t : tries) {
                t.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long checked = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) Reviewer
                .getEntityManager().createNativeQuery("SELECT count(*) FROM login_failure WHERE username = ?1")
                .setParameter(1, username).getSingleResult()).longValue());
        org.junit.jupiter.api.Assertions.assertEquals(5, checked, "only five of twenty guesses were checked");
        assertFalse(DeskClient.anonymous().login(username, Accounts.PASSWORD).getCookies()
                .containsKey(DeskClient.SESSION_COOKIE));
    }

    @Test
    void theThrottleCountsPerAccountSoOthersCanStillLogIn() {
        String attacked = Accounts.create(Role.reviewer);
        String other = Accounts.create(Role.reviewer);
        for (int i = 0; i < 6; i++) {
            DeskClient.anonymous().login(attacked, "guess " + i);
        }
        assertTrue(DeskClient.loggedIn(other, Accounts.PASSWORD).hasSession());
    }

    @Test
    void fewerThanFiveFailuresDoNotLockTheAccount() {
        String username = Accounts.create(Role.viewer);
        for (int i = 0; i < 4; i++) {
            DeskClient.anonymous().login(username, "typo " + i);
        }
        given().auth().preemptive().basic(username, Accounts.PASSWORD).get("/api/me").then().statusCode(200)
                .body("username", equalTo(username));
    }
}
