package org.claimdesk.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimRules;
import org.claimdesk.review.VerdictInput;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Flash;
import org.claimdesk.system.Role;
import org.claimdesk.system.Routes;
import org.claimdesk.system.Stale;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The attribution form of a claim's page: decide whether the source said it, then back to the claim. */
@Path("/claims/{id}/attribution-verdicts")
@Produces(MediaType.TEXT_HTML)
public class AttributionPages {

    @CheckedTemplate
    static class Templates {
        /** The form again, as typed, with why it was refused; {@code stale} when someone decided meanwhile. */
        static native TemplateInstance refused(Claim claim, AttributionForm form, Map<String, String> errors,
                boolean stale);
    }

    /** The attribution form as typed: a status, a rationale, evidence rows as parallel lists, and the version. */
    public static class AttributionForm {
        @RestForm
        public String status = "";
        @RestForm
        public String rationale = "";
        @RestForm
        public List<String> evidenceUrl = new ArrayList<>();
        @RestForm
        public List<String> evidenceTitle = new ArrayList<>();
        @RestForm
        public List<String> evidenceStance = new ArrayList<>();
        @RestForm
        public String version = "";

        /** One evidence row as typed. */
        public record Row(int index, String url, String title, String stance) {

            public int number() {
                return index + 1;
            }

            /** The name field errors give this row's {@code field}, as the verdict rules name evidence. */
            public String key(String field) {
                return "evidence[" + index + "]." + field;
            }

            public List<String> fields() {
                return List.of("url", "title", "stance");
            }
        }

        public List<Row> rows() {
            List<Row> rows = new ArrayList<>();
            int count = Math.max(2, Math.max(evidenceUrl.size(), Math.max(evidenceTitle.size(), evidenceStance.size())));
            for (int i = 0; i < count; i++) {
                rows.add(new Row(i, at(evidenceUrl, i), at(evidenceTitle, i), at(evidenceStance, i)));
            }
            return rows;
        }

        AttributionVerdicts.Input toInput(Long parsedVersion) {
            return new AttributionVerdicts.Input(status, rationale, rows().stream()
                    .map(r -> new VerdictInput.EvidenceInput(r.url(), r.title(), r.stance(), "")).toList(),
                    parsedVersion);
        }

        private static String at(List<String> values, int i) {
            return i < values.size() && values.get(i) != null ? values.get(i) : "";
        }
    }

    @Inject
    AttributionVerdicts verdicts;

    @POST
    @RolesAllowed(Role.REVIEWER)
    public Response decide(@RestPath long id, @BeanParam AttributionForm form) {
        FieldErrors errors = new FieldErrors();
        Long version = errors.version(form.version);
        try {
            errors.throwIfAny();
            AttributionReview review = verdicts.decide(id, form.toInput(version));
            return Flash.redirect(Routes.claim(id) + "#attribution", "Recorded your attribution decision: "
                    + review.status.label() + ".");
        } catch (Stale stale) {
            Claim current = ClaimRules.find(id);
            form.version = Long.toString(current.version);
            return Response.status(409).entity(Templates.refused(current, form, Map.of(), true)).build();
        } catch (ClientError refused) {
            if (refused.fieldErrors().isEmpty()) {
                throw refused;
            }
            return Response.status(refused.status())
                    .entity(Templates.refused(ClaimRules.find(id), form, refused.byField(), false)).build();
        }
    }
}
