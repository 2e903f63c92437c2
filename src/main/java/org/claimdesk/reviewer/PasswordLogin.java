package org.claimdesk.reviewer;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.claimdesk.system.Flash;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
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

    @Inject
    LoginThrottle throttle;

    @Inject
    AccountIdentity accounts;

    @Inject
    Sessions sessions;

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
        Optional<Duration> locked = throttle.lockedFor(username, address);
        if (locked.isPresent()) {
            refuseLocked(http, locked.get());
        }
        SecurityIdentity checked;
        try {
            checked = accounts.checkPassword(request);
        } catch (AuthenticationFailedException failed) {
            throttle.recordFailure(username, address);
            throw failed;
        }
        SecurityIdentity accepted = accept(checked, username, address);
        if (http != null && DeskAuthentication.LOGIN_CHECK.equals(http.normalizedPath())) {
            String sessionId = sessions.start(username, address, http.request().getHeader("User-Agent"));
            return QuarkusSecurityIdentity.builder(accepted).addAttribute(Sessions.SESSION_ID, sessionId).build();
        }
        return accepted;
    }

    private SecurityIdentity accept(SecurityIdentity checked, String username, String address) {
        Optional<SecurityIdentity> identity = accounts.activeIdentity(username, checked);
        if (identity.isEmpty()) {
            throttle.recordFailure(username, address);
            throw new AuthenticationFailedException("account is deactivated");
        }
        throttle.recordSuccess(username);
        return identity.get();
    }

    private static void refuseLocked(RoutingContext http, Duration lockedFor) {
        if (http != null) {
            long minutes = Math.max(1, (lockedFor.toSeconds() + 59) / 60);
            String message = "Too many failed logins. Logins for this account are paused for " + minutes
                    + (minutes == 1 ? " minute." : " minutes.") + " Try again later or ask an administrator.";
            http.put(LOCKED_MESSAGE, message);
            Flash.error(http, message);
        }
        throw new AuthenticationFailedException("too many failed logins");
    }
}
