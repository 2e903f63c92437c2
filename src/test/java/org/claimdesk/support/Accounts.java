package org.claimdesk.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.claimdesk.reviewer.Reviewer;
import org.claimdesk.system.Role;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Creates accounts with unique names straight in the database, so that each test starts from its own people. */
public final class Accounts {

    public static final String PASSWORD = "correct horse battery staple";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "claimdesk-admin-demo";

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Accounts() {
    }

    /** A username no other test, and no earlier run on the same database, has used. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + System.currentTimeMillis() % 100_000_000 + "-" + COUNTER.incrementAndGet();
    }

    /** Creates an active account with {@link #PASSWORD} and returns its username. */
    public static String create(Role role) {
        String username = uniqueName(role.name());
        QuarkusTransaction.requiringNew().run(() -> Reviewer.create(username, PASSWORD, role));
        return username;
    }

    public static DeskClient logIn(Role role) {
        return DeskClient.loggedIn(create(role), PASSWORD);
    }

    public static DeskClient logInAsAdmin() {
        return DeskClient.loggedIn(ADMIN, ADMIN_PASSWORD);
    }

    public static long count(String username) {
        return QuarkusTransaction.requiringNew().call(() -> Reviewer.count("username", username));
    }

    public static Reviewer find(String username) {
        return QuarkusTransaction.requiringNew().call(() -> Reviewer.findByUsername(username).orElseThrow());
    }
}
