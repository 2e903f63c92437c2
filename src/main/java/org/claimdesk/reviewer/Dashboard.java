package org.claimdesk.reviewer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/** The home page after login. */
@Path("/")
public class Dashboard {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Reviewer me, long accounts);
    }

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Role.VIEWER)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index() {
        Reviewer me = Reviewer.findByUsername(identity.getPrincipal().getName()).orElseThrow();
        return Templates.index(me, Reviewer.count("active = true"));
    }
}
