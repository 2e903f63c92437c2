package org.claimdesk.system;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;

/** What the layout needs to know about the current request: who is signed in, and any flash message. */
@Named("desk")
@RequestScoped
public class Desk {

    /** Where quarkus-rest-csrf keeps the token of the current request. */
    private static final String CSRF_TOKEN_ATTRIBUTE = "csrf_token";

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name")
    String csrfCookie;

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentVertxRequest request;

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public String getUsername() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public Role getRole() {
        if (identity.hasRole(Role.ADMIN)) {
            return Role.admin;
        }
        return identity.hasRole(Role.REVIEWER) ? Role.reviewer : Role.viewer;
    }

    public boolean isAdmin() {
        return identity.hasRole(Role.ADMIN);
    }

    public boolean isCanWrite() {
        return identity.hasRole(Role.REVIEWER);
    }

    /**
     * The CSRF token that forms must echo: the one the CSRF filter set for this request, or else the one the
     * browser already holds in its cookie (error pages can be rendered before the filter runs).
     */
    public String getCsrfToken() {
        if (request.getCurrent() == null) {
            return null;
        }
        String token = request.getCurrent().get(CSRF_TOKEN_ATTRIBUTE);
        if (token != null) {
            return token;
        }
        Cookie cookie = request.getCurrent().request().getCookie(csrfCookie);
        return cookie == null ? null : cookie.getValue();
    }

    public Flash getFlash() {
        Cookie cookie = request.getCurrent() == null ? null : request.getCurrent().request().getCookie(Flash.COOKIE);
        return Optional.ofNullable(cookie).flatMap(c -> Flash.read(c.getValue())).orElse(null);
    }
}
