package org.claimdesk.match;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.claimdesk.reviewer.Role;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The "Checked before?" page: paste any text, see the desk's closest claims with their status, source, latest
 * verdict, score and why each was found. A GET form, so it works without JavaScript and its results can be linked.
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
