package org.claimdesk.reviewer;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.claimdesk.system.ClientError;
import org.claimdesk.system.Flash;
import org.claimdesk.system.Role;
import org.claimdesk.system.Routes;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/** Everyone's own account page, where they change their password. */
@Path("/account")
@RolesAllowed(Role.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class MyAccount {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(Reviewer me, Map<String, String> errors);
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    AccountRules rules;

    @Inject
    HttpServerRequest request;

    @GET
    public TemplateInstance show() {
        return Templates.show(me(), Map.of());
    }

    @POST
    @Path("password")
    public Response changePassword(@RestForm String current, @RestForm String password,
            @RestForm String confirmation) {
        try {
            rules.changeOwnPassword(identity.getPrincipal().getName(), current, password, confirmation,
                    identity.getAttribute(Sessions.SESSION_ID), request.remoteAddress().hostAddress());
            return Flash.redirect(Routes.myAccount(), "Your password has been changed. Your other sessions have been logged out.");
        } catch (ClientError refused) {
            if (refused.fieldErrors().isEmpty()) {
                throw refused;
            }
            return Response.status(refused.status()).entity(Templates.show(me(), Accounts.byField(refused))).build();
        }
    }

    private Reviewer me() {
        return Reviewer.findByUsername(identity.getPrincipal().getName()).orElseThrow();
    }
}
