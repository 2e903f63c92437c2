package org.claimdesk.workflow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.claimdesk.claim.ClaimRules;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Flash;
import org.claimdesk.system.Role;
import org.claimdesk.system.Routes;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/** The Approve and Send back buttons on a claim's page. */
@Path("/claims/{id}/approvals")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.REVIEWER)
public class Approvals {

    static final String SEND_BACK = "send_back";
    static final String APPROVE = "approve";

    @Inject
    ApprovalRules rules;

    @POST
    public Response answer(@RestPath long id, @RestForm String version, @RestForm String action,
            @RestForm String note) {
        ClaimRules.find(id); // 404 for an unknown claim before anything about the form
        FieldErrors errors = new FieldErrors();
        Long parsed = errors.version(version);
        boolean sendBack = SEND_BACK.equals(action);
        if (!sendBack && !APPROVE.equals(action)) {
            errors.add("action", "Approve the decision or send it back.");
        }
        errors.throwIfAny();
        Approval answered = rules.answer(id, parsed, sendBack, note);
        String decider = answered.review.reviewer.username;
        return Flash.redirect(Routes.claim(id) + "#approval", sendBack
                ? "Sent the decision back to " + decider + "'s queue with your note."
                : "Approved " + decider + "'s decision. It can be published now.");
    }
}
