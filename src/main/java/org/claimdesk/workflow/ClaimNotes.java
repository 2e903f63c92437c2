package org.claimdesk.workflow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.claimdesk.system.Flash;
import org.claimdesk.system.Role;
import org.claimdesk.system.Routes;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/** The internal-note form on a claim's page. */
@Path("/claims/{id}/notes")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.REVIEWER)
public class ClaimNotes {

    @Inject
    NoteRules rules;

    @POST
    public Response write(@RestPath long id, @RestForm String text) {
        NoteRules.Written written = rules.write(id, text);
        return Flash.redirect(Routes.claim(id) + "#notes", summary(written));
    }

    /** What the flash says: the note, who it was put in front of, and names that are nobody's. */
    static String summary(NoteRules.Written written) {
        StringBuilder text = new StringBuilder("Added your note.");
        if (!written.mentioned().isEmpty()) {
            text.append(" It is in the queue of ").append(String.join(", ", written.mentioned())).append(".");
        }
        if (!written.unknown().isEmpty()) {
            text.append(" No active account is called ").append(String.join(", ", written.unknown()))
                    .append(", so nobody else was told.");
        }
        return text.toString();
    }
}
