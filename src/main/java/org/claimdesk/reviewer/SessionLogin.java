package org.claimdesk.reviewer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Restores the account behind a session cookie on every request, from its open {@link Sessions} row: a logout,
 * a deactivation or a role change takes effect at once rather than when the cookie expires.
 */
@ApplicationScoped
public class SessionLogin implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    Sessions sessions;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return 2000; // above the default 1001 of quarkus-security-jpa's provider, which knows no sessions
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        String sessionId = request.getAttribute(Sessions.SESSION_ID);
        if (sessionId == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("no session"));
        }
        return context.runBlocking(() -> sessions.open(request.getPrincipal(), sessionId)
                .map(role -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(request.getPrincipal()))
                        .addRoles(role.grants())
                        .addAttribute(Sessions.SESSION_ID, sessionId)
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("session ended, idle or account deactivated")));
    }
}
