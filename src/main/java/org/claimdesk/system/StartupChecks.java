package org.claimdesk.system;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;

/** Refuses to start with settings that would make the desk unsafe, and says which one to fix. */
public class StartupChecks {

    static final int MIN_SESSION_KEY_LENGTH = 32;

    @Inject
    ClaimdeskConfig config;

    void check(@Observes StartupEvent event) {
        if (config.requireSessionKey()
                && config.sessionKey().map(String::strip).filter(k -> k.length() >= MIN_SESSION_KEY_LENGTH).isEmpty()) {
            throw new IllegalStateException("Set CLAIMDESK_SESSION_KEY to a secret of at least "
                    + MIN_SESSION_KEY_LENGTH + " random characters (for example: openssl rand -base64 32). "
                    + "It encrypts the session cookies; every instance of the desk needs the same one.");
        }
    }
}
