package org.claimdesk.system;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Claimdesk's own settings, all under {@code claimdesk.*} (environment variables {@code CLAIMDESK_*}). */
@ConfigMapping(prefix = "claimdesk")
public interface ClaimdeskConfig {

    Admin admin();

    Login login();

    /** Creates the documented demo accounts on an empty database; on in dev and test only. */
    @WithDefault("false")
    boolean demoAccounts();

    /** Marks every cookie Secure; on in prod, where the desk is served over HTTPS. */
    @WithDefault("false")
    boolean secureCookies();

    /** The administrator created or reset at every start ({@code CLAIMDESK_ADMIN_USERNAME} and {@code _PASSWORD}). */
    interface Admin {
        Optional<String> username();

        Optional<String> password();
    }

    /** Failed-login throttling. */
    interface Login {
        /** Failures for one account within {@link #window()} after which its logins are refused. */
        @WithDefault("5")
        int maxFailures();

        /** Failures from one address, across accounts, within {@link #window()} after which it is refused. */
        @WithDefault("20")
        int maxFailuresPerAddress();

        @WithDefault("PT15M")
        Duration window();
    }
}
