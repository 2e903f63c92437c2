package org.claimdesk.reviewer;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.claimdesk.system.ClaimdeskConfig;
import org.claimdesk.system.Tokens;
import org.jboss.logging.Logger;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.vertx.ext.web.RoutingContext;

/**
 * The browser's session cookie: the username and the id of its {@link Sessions} row, encrypted (AES-GCM) with
 * {@code CLAIMDESK_SESSION_KEY}, so that every instance sharing the key reads it. It carries its own idle expiry
 * and is renewed at most once a minute.
 */
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "claimdesk-session";

    private static final Logger LOG = Logger.getLogger(SessionCookie.class);
    private static final String DEV_KEY_PROPERTY = "org.claimdesk.temporary-session-key";
    private static final char SEPARATOR = '|'; // never part of a username

    private final PersistentLoginManager manager;

    @Inject
    public SessionCookie(ClaimdeskConfig config) {
        String key = config.sessionKey().filter(k -> !k.isBlank()).orElseGet(SessionCookie::temporaryKey);
        this.manager = new PersistentLoginManager(key, NAME, config.session().idleTimeout().toMillis(),
                60_000, true, "LAX", "/", -1, null);
    }

    /** Who the cookie names; empty for no cookie, or an expired or forged one. */
    public Optional<Restored> restore(RoutingContext context) {
        PersistentLoginManager.RestoreResult result = manager.restore(context, NAME);
        if (result == null) {
            return Optional.empty();
        }
        String value = result.getPrincipal();
        int separator = value.indexOf(SEPARATOR);
        if (separator <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Restored(value.substring(0, separator), value.substring(separator + 1), result));
    }

    /** Writes a new cookie after a login, or renews a restored one when it is due. */
    public void save(RoutingContext context, SecurityIdentity identity, Restored restored) {
        String sessionId = identity.getAttribute(Sessions.SESSION_ID);
        manager.save(identity.getPrincipal().getName() + SEPARATOR + sessionId, context, NAME,
                restored == null ? null : restored.result(), context.request().isSSL());
    }

    public void clear(RoutingContext context) {
        manager.clear(context);
    }

    /** A restored cookie: whose session, and which one. */
    public record Restored(String username, String sessionId, PersistentLoginManager.RestoreResult result) {
    }

    private static String temporaryKey() {
        // kept in a system property so that dev-mode restarts keep their sessions; prod refuses to start without
        // a configured key (see StartupChecks)
        return System.getProperties().computeIfAbsent(DEV_KEY_PROPERTY, k -> {
            LOG.warn("CLAIMDESK_SESSION_KEY is not set: using a temporary key, so sessions end when the app stops.");
            return Tokens.random(32);
        }).toString();
    }
}
