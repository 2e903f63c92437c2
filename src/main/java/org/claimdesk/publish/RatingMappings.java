package org.claimdesk.publish;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.claimdesk.audit.AuditEntry;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.reviewer.CurrentReviewer;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.Flash;
import org.claimdesk.system.Role;
import org.claimdesk.system.Routes;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The admin page of the rating mapping: which verdict wording of other fact-checkers means verified, disputed or
 * unverified here. Every change is written to the audit log as {@code rating.changed}, "old → new".
 */
@Path("/admin/ratings")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class RatingMappings {

    static final int MAX_LABEL = 100;
    static final String NONE = "(none)";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<RatingMapping> mappings, List<ClaimStatus> statuses,
                Map<String, String> errors, String label, String status);
    }

    @Inject
    CurrentReviewer me;

    @GET
    public TemplateInstance index() {
        return page(Map.of(), "", "");
    }

    /** Adds a wording, or changes the status of one already there. */
    @POST
    public Response save(@RestForm String label, @RestForm String status) {
        String normalized = RatingMapping.normalize(label);
        ClaimStatus parsed = ClaimStatus.parse(status).orElse(null);
        if (normalized.isEmpty() || normalized.length() > MAX_LABEL || parsed == null) {
            Map<String, String> errors = parsed == null ? Map.of("status", "Choose verified, disputed or unverified.")
                    : Map.of("label", normalized.isEmpty() ? "Enter the rating's wording, such as \"Mostly false\"."
                            : "The wording is too long: at most " + MAX_LABEL + " characters.");
            return Response.status(400).entity(page(errors, label, status)).build();
        }
        String change = store(normalized, parsed);
        return Flash.redirect(Routes.ratingMappings(), change);
    }

    @POST
    @Path("delete")
    public Response remove(@RestForm String label) {
        String normalized = RatingMapping.normalize(label);
        return Flash.redirect(Routes.ratingMappings(), delete(normalized));
    }

    @Transactional
    String store(String label, ClaimStatus status) {
        RatingMapping mapping = RatingMapping.findById(label, LockModeType.PESSIMISTIC_WRITE);
        String old = mapping == null ? NONE : mapping.status.name();
        if (mapping != null && mapping.status == status) {
            return "Nothing changed: \"" + label + "\" already means " + status.name() + ".";
        }
        if (mapping == null) {
            mapping = new RatingMapping();
            mapping.label = label;
        }
        mapping.status = status;
        mapping.updatedBy = me.get();
        mapping.updatedAt = java.time.Instant.now();
        mapping.persist();
        try {
            RatingMapping.flush();
        } catch (PersistenceException e) {
            throw ClientError.conflict("Someone added \"" + label + "\" at the same moment. Reload the page and "
                    + "check it.");
        }
        AuditEntry.record(me.get(), "rating.changed", label, old + " → " + status.name());
        return "\"" + label + "\" now means " + status.name() + ".";
    }

    @Transactional
    String delete(String label) {
        RatingMapping mapping = RatingMapping.findById(label, LockModeType.PESSIMISTIC_WRITE);
        if (mapping == null) {
            throw ClientError.notFound("The rating mapping has no \"" + label + "\" (anymore).");
        }
        String old = mapping.status.name();
        mapping.delete();
        AuditEntry.record(me.get(), "rating.changed", label, old + " → " + NONE);
        return "Removed \"" + label + "\": imports now reject that wording unless its rating value says more.";
    }

    private static TemplateInstance page(Map<String, String> errors, String label, String status) {
        return Templates.index(RatingMapping.list("order by status, label"), List.of(ClaimStatus.values()), errors,
                label == null ? "" : label, status == null ? "" : status);
    }
}
