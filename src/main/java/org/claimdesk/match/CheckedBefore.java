package org.claimdesk.match;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Role;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The "Checked before?" page: paste any text, see the desk's closest claims with their status, source, latest
 * verdict, score and why each was found. A plain form, so it works without JavaScript; short questions can also be
 * linked as {@code /checked-before?text=...}.
 */
@Path("/checked-before")
public class CheckedBefore {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(String text, boolean searched, List<Match> matches,
                Map<String, String> errors);
    }

    @Inject
    ClaimMatcher matcher;

    @GET
    @RolesAllowed(Role.VIEWER)
    @Produces(MediaType.TEXT_HTML)
    public Response index(@RestQuery String text, @RestQuery String limit) {
        if (text == null) {
            return Response.ok(Templates.index("", false, List.of(), Map.of())).build();
        }
        return answer(text, limit);
    }

    /**
     * The box's own way in: a pasted paragraph does not fit in an address (the HTTP server refuses a request line
     * over 4 KB), so the form posts it. A question that stores nothing, answered at once like a search, not
     * redirected: there is nothing to redirect to but the text itself.
     */
    @POST
    @RolesAllowed(Role.VIEWER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response ask(@RestForm String text, @RestForm String limit) {
        return answer(text == null ? "" : text, limit);
    }

    private Response answer(String text, String limit) {
        FieldErrors errors = new FieldErrors();
        Integer n = errors.integer("limit", "the limit", limit, 1, ClaimMatcher.MAX_LIMIT);
        MatchQuery query = MatchQuery.of(text, errors.has("limit") ? null : n, errors);
        try {
            errors.throwIfAny();
        } catch (ClientError refused) {
            String shown = text.length() > MatchQuery.MAX_TEXT ? text.substring(0, MatchQuery.MAX_TEXT) : text;
            return Response.status(refused.status()).entity(Templates.index(shown, false, List.of(),
                    refused.byField())).build();
        }
        return Response.ok(Templates.index(query.text(), true, matcher.nearest(query.text(), query.limit()),
                Map.of())).build();
    }
}
