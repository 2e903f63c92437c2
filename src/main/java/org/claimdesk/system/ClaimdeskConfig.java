package org.claimdesk.system;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/** Claimdesk's own settings, all under {@code claimdesk.*} (environment variables {@code CLAIMDESK_*}). */
@ConfigMapping(prefix = "claimdesk")
public interface ClaimdeskConfig {

    Admin admin();

    Login login();

    Session session();

    Organisation organisation();

    Publish publish();

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

    /** Settings of the test build, not of the app: see {@link TestTools}. */
    @WithParentName
    TestTools testTools();

    /**
     * Where the tests find Chromium and PostgreSQL's tools, and whether a missing one fails them (README, "Test it").
     * Maven hands {@code -Dclaimdesk.tools=required} and the like on to the test JVM, where the app would refuse them as
     * unknown {@code claimdesk.*} properties; the app itself never reads them.
     */
    interface TestTools {
        Optional<String> tools();

        Optional<String> chromium();

        Optional<String> chromedriver();

        Optional<String> postgresqlBin();

        Optional<String> screenshots();
    }

    /** The administrator created or reset at every start ({@code CLAIMDESK_ADMIN_USERNAME} and {@code _PASSWORD}). */
    interface Admin {
        Optional<String> username();

        Optional<String> password();
    }

    /** Reading the hot pages before readiness reports UP (org.claimdesk.warmup). */
    WarmUp warmUp();

    /** The start-up warm-up: GET requests only, no writes. */
    interface WarmUp {
        /** Off in tests, which start the app many times and time nothing. */
        @WithDefault("true")
        boolean enabled();

        /** A round of the hot pages is fast when each was answered within this long; two fast rounds end it. */
        @WithDefault("PT0.05S")
        Duration fast();

        /** The longest warm-up, fast or not. */
        @WithDefault("PT5S")
        Duration maxDuration();
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

    /** The organisation that runs this desk: named on the public fact-checks and as their ClaimReview author. */
    interface Organisation {
        @WithDefault("Claimdesk")
        String name();

        /** Its website; unset, the desk's own public address. */
        Optional<String> url();
    }

    /** Public fact-checks ({@code org.claimdesk.publish}). */
    interface Publish {
        /** Whether a reviewer may publish a claim that is still unverified. */
        @WithDefault("false")
        boolean allowUnverified();

        /**
         * The public address of the desk (https://factcheck.example.org), used for links in ClaimReview and the
         * feed; unset, the address the request came to.
         */
        Optional<String> baseUrl();

        /** The verdict wording published as the ClaimReview rating's alternateName. */
        Rating rating();

        /**
         * Whether a decided claim is published only once a reviewer who did not make the decision approved it
         * ({@code CLAIMDESK_PUBLISH_REQUIRE_APPROVAL}; see {@code org.claimdesk.workflow}).
         */
        @WithDefault("false")
        boolean requireApproval();

        /**
         * Whether a fact-check that a second reviewer approved names both reviewers on its public page
         * ({@code CLAIMDESK_PUBLISH_NAME_REVIEWERS}); otherwise it says only "Reviewed by two fact-checkers".
         */
        @WithDefault("false")
        boolean nameReviewers();

        interface Rating {
            @WithDefault("Verified")
            String verified();

            @WithDefault("Disputed")
            String disputed();

            @WithDefault("Unverified")
            String unverified();
        }
    }
}
