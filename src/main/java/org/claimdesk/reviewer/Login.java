package org.claimdesk.reviewer;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.claimdesk.system.ClaimdeskConfig;
import org.claimdesk.system.Role;
import org.claimdesk.system.Routes;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/** The login page and logout. The form posts to {@code /j_security_check}, handled by {@link DeskAuthentication}. */
@Path("/")
public class Login {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, boolean loggedOut, boolean noAccounts,
                boolean demoAccounts);
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    ClaimdeskConfig config;

    @Inject
    Sessions sessions;

    @Inject
    SessionCookie sessionCookie;

    @Inject
    RoutingContext http;

    @GET
    @Path("login")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Response show(@RestQuery boolean error, @RestQuery("logged-out") boolean loggedOut) {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create(Routes.dashboard())).build();
        }
        boolean noAccounts = Reviewer.count() == 0;
        return Response.ok(Templates.login(error, loggedOut, noAccounts, config.demoAccounts())).build();
    }

    @POST
    @Path("logout")
    @RolesAllowed(Role.VIEWER)
    public Response logout() {
        String sessionId = identity.getAttribute(Sessions.SESSION_ID);
        if (sessionId != null) {
            sessions.end(sessionId); // a copy of the cookie is worthless from now on
        }
        sessionCookie.clear(http);
        return Response.seeOther(URI.create(Routes.login() + "?logged-out=true")).build();
    }
}
