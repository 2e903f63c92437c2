package org.claimdesk.reviewer;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.claimdesk.system.Problems;
import org.claimdesk.system.Role;
import org.claimdesk.system.Routes;
import org.claimdesk.system.WarmUpPass;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * How people prove who they are: the login form (posting {@code j_username} and {@code j_password} to
 * {@code /j_security_check}, the names of Quarkus form authentication) opens a server-side session carried by an
 * encrypted cookie; scripts send HTTP Basic on every request.
 *
 * <p>Unauthenticated page requests are sent to the login page and come back where they started; {@code /api}
 * requests get a 401 problem document instead.
 */
@ApplicationScoped
public class DeskAuthentication implements HttpAuthenticationMechanism {

    static final String LOGIN_CHECK = "/j_security_check";
    static final String RETURN_TO_COOKIE = "claimdesk-return-to";

    private static final String REALM = "Basic realm=\"Claimdesk\", charset=\"UTF-8\"";

    @Inject
    Problems problems;

    @Inject
    SessionCookie sessionCookie;

    @Inject
    WarmUpPass warmUpPass;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            context.put(HttpAuthenticationMechanism.class.getName(), this);
            return basic(context, identities, authorization.substring(6).strip());
        }
        if (isLoginCheck(context)) {
            context.put(HttpAuthenticationMechanism.class.getName(), this);
            return formLogin(context, identities);
        }
        String warmUp = context.request().getHeader(WarmUpPass.HEADER);
        if (warmUp != null) {
            return warmUp(context, warmUp);
        }
        Optional<SessionCookie.Restored> restored = sessionCookie.restore(context);
        if (restored.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        context.put(HttpAuthenticationMechanism.class.getName(), this);
        SessionCookie.Restored session = restored.get();
        var request = new TrustedAuthenticationRequest(session.username());
        request.setAttribute(Sessions.SESSION_ID, session.sessionId());
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context))
                .invoke(identity -> sessionCookie.save(context, identity, session))
                // only a session that is over loses its cookie; a database hiccup must not log anyone out
                .onFailure(AuthenticationFailedException.class).invoke(ended -> sessionCookie.clear(context));
    }

    /** The start-up warm-up reads pages as a viewer; see {@link WarmUpPass} for when the pass is accepted. */
    private Uni<SecurityIdentity> warmUp(RoutingContext context, String token) {
        context.put(HttpAuthenticationMechanism.class.getName(), this);
        return warmUpPass.admit(token, context.request().method() == HttpMethod.GET, context.request().remoteAddress())
                .map(username -> Uni.createFrom().item((SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(username)).addRoles(Role.viewer.grants()).build()))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("not the warm-up")));
    }

    private Uni<SecurityIdentity> basic(RoutingContext context, IdentityProviderManager identities, String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
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

    /** Reads the login form, checks it, and on success sets the session cookie and redirects. */
    private Uni<SecurityIdentity> formLogin(RoutingContext context, IdentityProviderManager identities) {
        String type = context.request().getHeader(HttpHeaderNames.CONTENT_TYPE);
        if (type == null || !(type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"))) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the login is not a form"));
        }
        context.request().setExpectMultipart(true);
        return Uni.createFrom().emitter(emitter -> {
            context.request().endHandler(ended -> {
                MultiMap form = context.request().formAttributes();
                String username = form.get("j_username");
                String password = form.get("j_password");
                if (username == null || username.isBlank() || password == null || password.isEmpty()) {
                    emitter.fail(new AuthenticationFailedException("username or password missing"));
                    return;
                }
                var request = new UsernamePasswordAuthenticationRequest(username,
                        new PasswordCredential(password.toCharArray()));
                identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context))
                        .subscribe().with(identity -> {
                            try {
                                sessionCookie.save(context, identity, null);
                                redirect(context, returnTo(context));
                                emitter.complete(null); // the redirect is the answer; the next request is signed in
                            } catch (RuntimeException e) {
                                emitter.fail(e);
                            }
                        }, emitter::fail);
            });
            context.request().resume();
        });
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (Problems.isApi(context.normalizedPath())
                || context.request().getHeader(HttpHeaderNames.AUTHORIZATION) != null) {
            String locked = context.get(PasswordLogin.LOCKED_MESSAGE);
            context.response().setStatusCode(401)
                    .putHeader(HttpHeaderNames.WWW_AUTHENTICATE, REALM)
                    .putHeader(HttpHeaderNames.CONTENT_TYPE, Problems.MEDIA_TYPE)
                    .end(problems.json(401, "Authentication required", locked != null ? locked
                            : "Log in with HTTP Basic, or with a browser session, to use the Claimdesk API.",
                            context.normalizedPath()));
        } else if (isLoginCheck(context)) {
            redirect(context, Routes.login() + "?error=true");
        } else {
            if (context.request().method() == HttpMethod.GET) {
                rememberReturn(context);
            }
            redirect(context, Routes.login());
        }
        return Uni.createFrom().item(true);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (Problems.isApi(context.normalizedPath())) {
            return Uni.createFrom().item(new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE, REALM));
        }
        return Uni.createFrom().item(new ChallengeData(302, HttpHeaderNames.LOCATION, Routes.login()));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(UsernamePasswordAuthenticationRequest.class, TrustedAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.POST, LOGIN_CHECK, "form"));
    }

    private static boolean isLoginCheck(RoutingContext context) {
        return context.request().method() == HttpMethod.POST && LOGIN_CHECK.equals(context.normalizedPath());
    }

    private static void redirect(RoutingContext context, String location) {
        context.response().setStatusCode(302).putHeader(HttpHeaderNames.LOCATION, location).end();
    }

    /** Remembers the page asked for, so that the login leads back to it. */
    private static void rememberReturn(RoutingContext context) {
        String target = context.request().uri();
        if (isLocalPath(target)) {
            context.response().addCookie(Cookie.cookie(RETURN_TO_COOKIE, URLEncoder.encode(target, StandardCharsets.UTF_8))
                    .setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX).setMaxAge(600)
                    .setSecure(context.request().isSSL()));
        }
    }

    private static String returnTo(RoutingContext context) {
        Cookie cookie = context.request().getCookie(RETURN_TO_COOKIE);
        if (cookie == null) {
            return Routes.dashboard();
        }
        context.response().addCookie(Cookie.cookie(RETURN_TO_COOKIE, "").setPath("/").setMaxAge(0));
        try {
            String target = URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
            return isLocalPath(target) ? target : Routes.dashboard();
        } catch (IllegalArgumentException malformed) {
            return Routes.dashboard();
        }
    }

    /**
     * Only paths on this desk: no scheme or host, no protocol-relative "//", and no backslash or control character,
     * which browsers drop or turn into "/" ("/\t/evil.example" would lead to another site).
     */
    static boolean isLocalPath(String target) {
        return target != null && target.startsWith("/") && !target.startsWith("//") && target.length() < 2000
                && target.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '\\')
                && !target.startsWith(LOGIN_CHECK) && !target.startsWith(Routes.login());
    }
}
