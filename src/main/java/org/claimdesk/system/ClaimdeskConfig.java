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

    Session session();

    /** Folder of the embedded database ({@code CLAIMDESK_DATA_DIR}); read by {@link DataDirectory}. */
    Optional<String> dataDir();

    /** Creates the documented demo accounts on an empty database; on in dev and test only. */
    @WithDefault("false")
    boolean demoAccounts();

    /**
     * Loads the sample article with its sources and claims into an empty desk ({@code CLAIMDESK_DEMO}). Unset, it loads
     * on the embedded database only; {@code false} never loads, {@code true} loads on any empty database.
     */
    Optional<Boolean> demo();

    /** Encrypts session cookies ({@code CLAIMDESK_SESSION_KEY}); instances that share it share sessions. */
    Optional<String> sessionKey();

    /** Refuse to start without {@link #sessionKey()}; on in prod. */
    @WithDefault("false")
    boolean requireSessionKey();

    /** The administrator created or reset at every start ({@code CLAIMDESK_ADMIN_USERNAME} and {@code _PASSWORD}). */
    interface Admin {
        Optional<String> username();

        Optional<String> password();
    }

    /** Browser sessions. */
    interface Session {
        /** A session ends after this long without a request. */
        @WithDefault("PT30M")
        Duration idleTimeout();
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
