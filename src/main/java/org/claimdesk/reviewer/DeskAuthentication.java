package org.claimdesk.reviewer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.claimdesk.system.Problems;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP Basic for scripts, next to the form login that Quarkus provides for browsers.
 *
 * <p>It also owns the challenge of the JSON API: an {@code /api} request without valid credentials gets a 401
 * problem document instead of the login page redirect that the form mechanism would send.
 */
@ApplicationScoped
public class DeskAuthentication implements HttpAuthenticationMechanism {

    private static final String BASIC = "basic";
    private static final String REALM = "Basic realm=\"Claimdesk\", charset=\"UTF-8\"";

    @Inject
    Problems problems;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Uni.createFrom().nullItem();
        }
        context.put(HttpAuthenticationMechanism.class.getName(), this);
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new AuthenticationFailedException("malformed Basic credentials"));
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Uni.createFrom().failure(new AuthenticationFailedException("malformed Basic credentials"));
        }
        var request = new UsernamePasswordAuthenticationRequest(decoded.substring(0, colon),
                new PasswordCredential(decoded.substring(colon + 1).toCharArray()));
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!Problems.isApi(context.normalizedPath()) && context.get(HttpAuthenticationMechanism.class.getName()) != this) {
            return Uni.createFrom().item(false); // the form mechanism redirects browsers to the login page
        }
        String locked = context.get(PasswordLogin.LOCKED_MESSAGE);
        context.response().setStatusCode(401)
                .putHeader(HttpHeaderNames.WWW_AUTHENTICATE, REALM)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .end(problems.json(401, "Authentication required", locked != null ? locked
                        : "Log in with HTTP Basic, or with a browser session, to use the Claimdesk API.",
                        context.normalizedPath()));
        return Uni.createFrom().item(true);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE, REALM));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(UsernamePasswordAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "basic", BASIC));
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }
}
