package org.claimdesk.system;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.claimdesk.reviewer.Role;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;

/** What the layout needs to know about the current request: who is signed in, and any flash message. */
@Named("desk")
@RequestScoped
public class Desk {

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

    public Flash getFlash() {
        Cookie cookie = request.getCurrent() == null ? null : request.getCurrent().request().getCookie(Flash.COOKIE);
        return Optional.ofNullable(cookie).flatMap(c -> Flash.read(c.getValue())).orElse(null);
    }
}
