package org.claimdesk.publish;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.claimdesk.claim.Claims;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Flash;
import org.claimdesk.system.Role;
import org.claimdesk.system.Routes;
import org.jboss.resteasy.reactive.RestPath;

/** The buttons on a claim's page that publish it, unpublish it, or republish it with a corrected verdict. */
@Path("/claims/{id}/publication")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.REVIEWER)
public class PublicationForms {

    @Inject
    Publications publishing;

    @POST
    public Response publish(@RestPath long id) {
        Publication publication = publishing.publish(id);
        return Flash.redirect(Routes.claim(id) + "#publication",
                "Published the fact-check at " + Routes.factCheck(publication.slug) + ".");
    }

    @POST
    @Path("delete")
    public Response unpublish(@RestPath long id) {
        publishing.unpublish(id);
        return Flash.redirect(Routes.claim(id) + "#publication",
                "Unpublished the fact-check: its public page now answers 404 until you publish it again.");
    }

    @POST
    @Path("correction")
    public Response correct(@RestPath long id, @BeanParam Claims.VerdictForm form) {
        FieldErrors errors = new FieldErrors();
        Long version = errors.version(form.version);
        errors.throwIfAny();
        publishing.correct(id, form.toInput(version));
        return Flash.redirect(Routes.claim(id) + "#publication",
                "Recorded the new decision and republished the fact-check with a correction notice.");
    }
}
