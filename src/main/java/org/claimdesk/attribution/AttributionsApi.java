package org.claimdesk.attribution;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.claimdesk.claim.ClaimsApi;
import org.claimdesk.review.VerdictInput;
import org.claimdesk.system.ApiDocs;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** The attribution endpoints of the JSON API: decide whether the source said it; set relays, kind and re-check date. */
@Path("/api/claims/{id}")
@Tag(name = "Claims")
@Produces(MediaType.APPLICATION_JSON)
public class AttributionsApi {

    private static final String JSON = MediaType.APPLICATION_JSON;

    public record NewAttributionVerdict(String status, String rationale, List<VerdictInput.EvidenceInput> evidence,
            Long version) {
    }

    public record AttributionDetails(List<Long> relayedBy, String attributionKind, LocalDate recheckOn, Long version) {
    }

    @Inject
    AttributionVerdicts verdicts;

    @Inject
    Attributions attributions;

    @Inject
    ClaimsApi claims;

    @POST
    @Path("attribution-verdicts")
    @RolesAllowed(Role.REVIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide a claim's attribution", description = """
            Reviewers. Records whether the source really said it: unconfirmed, confirmed or misattributed, with a \
            rationale (required) and optional evidence such as the source's own statement. version is the claim \
            version the decision was made from; if the attribution was decided, or the statement, quote, source, \
            article, relays or kind edited since, the answer is 409. A truth decision meanwhile does not make it \
            stale. The claim's "attribution.history" keeps every attribution decision.""")
    @Parameter(name = "id", description = "The claim's id", example = "151")
    @RequestBody(description = "The attribution decision", required = true, content = @Content(mediaType = JSON,
            examples = @ExampleObject(name = "confirmed", value = """
                    {"status":"confirmed","rationale":"KCNA's own report carries the quote.","version":0,\
                    "evidence":[{"url":"https://kcnawatch.org/newstream/1","title":"KCNA report","stance":"supports",\
                    "note":"Paragraph 3"}]}""")))
    @APIResponse(responseCode = "201", description = "The claim, with the decision in attribution.history",
            content = @Content(mediaType = JSON, examples = @ExampleObject(name = "decided",
                    value = ClaimsApi.EXAMPLE_ATTRIBUTED_CLAIM)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public Response decide(@RestPath long id, NewAttributionVerdict request) {
        if (request == null) {
            throw ClientError.badRequest("Send a JSON object with status, rationale, evidence and version.");
        }
        verdicts.decide(id, new AttributionVerdicts.Input(request.status(), request.rationale(), request.evidence(),
                request.version()));
        return Response.created(URI.create("/api/claims/" + id)).entity(claims.get(id)).build();
    }

    @PUT
    @Path("attribution")
    @RolesAllowed(Role.REVIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a claim's relays, attribution kind and re-check date", description = """
            Reviewers. Replaces all three: relayedBy lists source ids nearest first (empty for none), \
            attributionKind is one of direct_quote, paraphrase, anonymous_official, official_statement, \
            state_media_report (or null), recheckOn a date (or null). version is the claim version read; a stale \
            one is refused with 409. The change is recorded in the claim's edit history.""")
    @Parameter(name = "id", description = "The claim's id", example = "151")
    @RequestBody(description = "The attribution details", required = true, content = @Content(mediaType = JSON,
            examples = @ExampleObject(name = "relayed", value = """
                    {"relayedBy":[52],"attributionKind":"anonymous_official","recheckOn":"2025-03-01",\
                    "version":0}""")))
    @APIResponse(responseCode = "200", description = "The claim as it now is", content = @Content(mediaType = JSON,
            examples = @ExampleObject(name = "claim", value = ClaimsApi.EXAMPLE_ATTRIBUTED_CLAIM)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public Object setDetails(@RestPath long id, AttributionDetails request) {
        if (request == null) {
            throw ClientError.badRequest("Send a JSON object with relayedBy, attributionKind, recheckOn and version.");
        }
        attributions.updateDetails(id, new Attributions.Input(request.relayedBy(), List.of(),
                request.attributionKind(), request.recheckOn() == null ? null : request.recheckOn().toString()),
                request.version());
        return claims.get(id);
    }
}
