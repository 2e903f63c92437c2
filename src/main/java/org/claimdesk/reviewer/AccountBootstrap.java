package org.claimdesk.reviewer;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.claimdesk.system.ClaimdeskConfig;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.Role;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Makes sure someone can log in: creates or resets the administrator named by {@code CLAIMDESK_ADMIN_USERNAME}
 * and {@code CLAIMDESK_ADMIN_PASSWORD}, and in dev and test seeds the documented demo accounts into an empty desk.
 */
public class AccountBootstrap {

    private static final Logger LOG = Logger.getLogger(AccountBootstrap.class);

    /** The demo accounts, documented in README.md; created only when claimdesk.demo-accounts is on. */
    static final String[][] DEMO_ACCOUNTS = {
            { "admin", "claimdesk-admin-demo", "admin" },
            { "reviewer", "claimdesk-review-demo", "reviewer" },
            { "viewer", "claimdesk-viewer-demo", "viewer" } };

    @Inject
    ClaimdeskConfig config;

    @Inject
    AccountRules rules;

    @Inject
    Sessions sessions;

    @ConfigProperty(name = "quarkus.http.port")
    int httpPort;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        var admin = config.admin();
        if (admin.username().isPresent() != admin.password().isPresent()) {
            throw new IllegalStateException(
                    "Set both CLAIMDESK_ADMIN_USERNAME and CLAIMDESK_ADMIN_PASSWORD, or neither.");
        }
        if (admin.username().isPresent()) {
            ensureAdmin(admin.username().get(), admin.password().get());
        }
        if (config.demoAccounts() && Reviewer.count() == 0) {
            for (String[] account : DEMO_ACCOUNTS) {
                Reviewer.create(account[0], account[1], Role.valueOf(account[2]));
            }
            LOG.infof("Created the demo accounts admin, reviewer and viewer (passwords in README.md).");
        }
        if (config.demoAccounts() && LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            LOG.infof("Claimdesk is ready at http://localhost:%d . Log in as admin / %s (or reviewer / %s, "
                    + "viewer / %s).", httpPort, DEMO_ACCOUNTS[0][1], DEMO_ACCOUNTS[1][1], DEMO_ACCOUNTS[2][1]);
        }
        if (Reviewer.count() == 0) {
            LOG.warn("There is no account yet. Restart Claimdesk with CLAIMDESK_ADMIN_USERNAME and "
                    + "CLAIMDESK_ADMIN_PASSWORD set to create the first administrator.");
        }
    }

    void ensureAdmin(String username, String password) {
        String name = Reviewer.normalize(username);
        PasswordPolicy.problem(password, name).ifPresent(problem -> {
            throw new IllegalStateException("CLAIMDESK_ADMIN_PASSWORD is refused: " + problem);
        });
        Reviewer reviewer = Reviewer.findByUsername(name).orElse(null);
        if (reviewer == null) {
            try {
                rules.create(name, password, Role.admin.name());
            } catch (ClientError refused) {
                throw new IllegalStateException("CLAIMDESK_ADMIN_USERNAME is refused: " + refused.getMessage());
            }
            LOG.infof("Created the administrator account \"%s\" from CLAIMDESK_ADMIN_USERNAME.", name);
        } else {
            boolean changed = !reviewer.passwordMatches(password);
            if (changed) {
                reviewer.setPassword(password);
                sessions.endAll(reviewer.id, null);
            }
            reviewer.role = Role.admin.name();
            reviewer.active = true;
            if (changed) {
                LOG.infof("Reset the password of the administrator \"%s\" from CLAIMDESK_ADMIN_PASSWORD.", name);
            }
        }
    }
}
