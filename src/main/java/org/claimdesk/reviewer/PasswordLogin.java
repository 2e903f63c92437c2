package org.claimdesk.reviewer;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.claimdesk.system.Flash;

import org.claimdesk.system.Unavailable;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks a username and password, from the login form or HTTP Basic. It wraps the bcrypt check of
 * quarkus-security-jpa with what that lacks: throttling repeated failures, refusing deactivated accounts,
 * giving each role the roles it includes, and opening a session for a form login.
 */
@ApplicationScoped
public class PasswordLogin implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Routing-context key under which a refused login leaves its explanation for the API's 401. */
    static final String LOCKED_MESSAGE = "claimdesk.login-locked";

    /** At most this many password checks at once, well under the connection pool's 20. */
    private static final int CONCURRENT_CHECKS = 8;

    private final Semaphore checks = new Semaphore(CONCURRENT_CHECKS, true);

    @Inject
    PasswordCheck passwords;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return 2000; // above the default 1001 of quarkus-security-jpa, whose check this one runs itself
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = Reviewer.normalize(request.getUsername());
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = http == null ? "" : http.request().remoteAddress().hostAddress();
        UsernamePasswordAuthenticationRequest normalized = new UsernamePasswordAuthenticationRequest(username,
                request.getPassword());
        request.getAttributes().forEach(normalized::setAttribute);

        return context.runBlocking(() -> login(normalized, address, http));
    }

    private SecurityIdentity login(UsernamePasswordAuthenticationRequest request, String address, RoutingContext http) {
        String username = request.getUsername();
        if (!plausible(username)) {
            // no account has such a name, and PostgreSQL would refuse a NUL byte in it
            throw new AuthenticationFailedException("implausible username");
        }
        PasswordCheck.SessionRequest session = http != null && DeskAuthentication.LOGIN_CHECK.equals(http.normalizedPath())
                ? new PasswordCheck.SessionRequest(address, http.request().getHeader("User-Agent"))
                : null;
        acquireCheck();
        try {
            return passwords.check(request, address, session);
        } catch (AuthenticationFailedException refused) {
            Duration lockedFor = refused.getAttribute(PasswordCheck.LOCKED_FOR);
            if (lockedFor != null) {
                explainLockout(http, lockedFor);
            }
            throw refused;
        } finally {
            checks.release();
        }
    }

    /**
     * Waits for one of a few places: a password check holds a database connection while it waits for its turn on
     * the account and runs bcrypt, and a flood of logins must not take the connections every page needs.
     */
    private void acquireCheck() {
        try {
            if (!checks.tryAcquire(5, TimeUnit.SECONDS)) {
                throw new Unavailable("Too many logins at once. Try again in a moment.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("The login was interrupted. Try again.");
        }
    }

    static boolean plausible(String username) {
        return username != null && !username.isEmpty() && username.length() <= 64
                && username.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static void explainLockout(RoutingContext http, Duration lockedFor) {
        if (http != null) {
            String message = "Too many failed logins. Logins are paused for " + LoginThrottle.describe(lockedFor)
                    + ". Try again later, or ask an administrator.";
            http.put(LOCKED_MESSAGE, message);
            Flash.error(http, message);
        }
    }
}
