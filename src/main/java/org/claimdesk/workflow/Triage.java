package org.claimdesk.workflow;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.claimdesk.claim.ClaimFilter;
import org.claimdesk.claim.ClaimRules;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Flash;
import org.claimdesk.system.Role;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The claims list's bulk form: the ticked claims, or all of the list's filter, assigned, tagged or given a priority
 * at once. Works without JavaScript; answers with the list again and what was done.
 */
@Path("/claims/bulk")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.REVIEWER)
public class Triage {

    /** Claims a flash message names one by one; beyond, it counts them. */
    static final int NAMED = 20;

    @Inject
    TriageRules rules;

    /** The bulk form as sent. {@code filter} is the list's query string; {@code scope} is "selected" or "all". */
    public static class BulkForm {
        @RestForm
        public List<String> ids = new ArrayList<>();
        @RestForm
        public String scope;
        @RestForm
        public String filter;
        @RestForm
        public String listedAt;
        @RestForm
        public String assigneeId;
        @RestForm
        public String addTag;
        @RestForm
        public String removeTag;
        @RestForm
        public String priority;
    }

    @POST
    public Response apply(@BeanParam BulkForm form) {
        ClaimFilter filter = ClaimFilter.parse(query(form.filter));
        FieldErrors errors = new FieldErrors();
        boolean all = "all".equals(form.scope);
        if (form.scope != null && !form.scope.isBlank() && !all && !"selected".equals(form.scope)) {
            errors.add("scope", "Change the ticked claims (selected) or all claims of the list (all).");
        }
        List<Long> ids = new ArrayList<>();
        for (String id : form.ids) {
            Long parsed = errors.id("ids", "a claim", id, false);
            if (parsed != null) {
                ids.add(parsed);
            }
        }
        if (!all && ids.isEmpty() && !errors.has("ids")) {
            errors.add("ids", "Tick the claims to change, or choose all claims of this list.");
        }
        boolean unassign = "none".equals(form.assigneeId);
        Long assignee = unassign ? null : errors.id("assigneeId", "an assignee", form.assigneeId, false);
        Instant asOf = instant(form.listedAt, errors);
        errors.throwIfAny();
        TriageRules.Report report = rules.apply(new TriageRules.Request(all ? null : ids, all ? filter : null, assignee,
                unassign, ClaimRules.splitTags(form.addTag), ClaimRules.splitTags(form.removeTag), form.priority,
                asOf));
        return Response.seeOther(URI.create(filter.url())).cookie(Flash.notice(summary(report))).build();
    }

    /** What the flash says: how many changed, which were refused and why, how many already were as asked. */
    static String summary(TriageRules.Report report) {
        StringBuilder text = new StringBuilder("Changed " + count(report.changed().size()) + ".");
        if (!report.unchanged().isEmpty()) {
            text.append(" ").append(count(report.unchanged().size())).append(" already as asked.");
        }
        if (!report.refused().isEmpty()) {
            text.append(" Left ").append(count(report.refused().size())).append(" as they were: ");
            text.append(report.refused().stream().limit(NAMED).map(r -> "#" + r.id() + " (" + r.reason() + ")")
                    .collect(Collectors.joining(", ")));
            if (report.refused().size() > NAMED) {
                text.append(" and ").append(report.refused().size() - NAMED).append(" more");
            }
            text.append(". Look at them again before changing them.");
        }
        return text.toString();
    }

    private static String count(int claims) {
        return claims == 1 ? "1 claim" : claims + " claims";
    }

    /** The list's filter, sent back as its query string. */
    static MultivaluedMap<String, String> query(String text) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        String query = text == null ? "" : text.substring(text.indexOf('?') + 1);
        if (query.isBlank()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.add(name, value);
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ClientError.badRequest("The list's filter is damaged; open the list again.");
        }
    }

    static Instant instant(String text, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add("listedAt", "The list's time is damaged; open the list again.");
            return null;
        }
    }
}
