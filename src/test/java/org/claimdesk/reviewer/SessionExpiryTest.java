package org.claimdesk.reviewer;

import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.claimdesk.system.Role;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A session ends after the configured idle time ({@code claimdesk.session.idle-timeout}), on the server's side. */
@QuarkusTest
class SessionExpiryTest {

    @ConfigProperty(name = "claimdesk.session.idle-timeout")
    Duration idleTimeout;

    @Test
    void aSessionIdleLongerThanTheTimeoutIsRefusedAndOneJustUnderItIsNot() {
        assertEquals(Duration.ofMinutes(30), idleTimeout, "the default idle time");
        String username = Accounts.create(Role.viewer);
        DeskClient client = DeskClient.loggedIn(username, Accounts.PASSWORD);
        long seconds = idleTimeout.toSeconds();

        idleFor(username, seconds - 60);
        client.get("/").then().statusCode(200);

        idleFor(username, seconds + 60);
        client.get("/").then().statusCode(302).header("Location", endsWith("/login"));
        client.request().get("/api/me").then().statusCode(401);
    }

    /** Moves the account's sessions' last request {@code seconds} into the past. */
    private static void idleFor(String username, long seconds) {
        DeskData.number("WITH s AS (UPDATE reviewer_session SET last_seen_at = now() - make_interval(secs => ?1) "
                + "WHERE reviewer_id = (SELECT id FROM reviewer WHERE username = ?2) RETURNING 1) SELECT count(*) FROM s",
                (double) seconds, username);
    }
}
