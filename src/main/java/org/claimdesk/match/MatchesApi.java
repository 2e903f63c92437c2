package org.claimdesk.match;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.claimdesk.system.ApiDocs;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/claims/matches}: "was this checked before?" for any text, for every signed-in account. */
@Path("/api/claims/matches")
@Tag(name = "Claims")
@Produces(MediaType.APPLICATION_JSON)
public class MatchesApi {

    static final String JSON = MediaType.APPLICATION_JSON;

    public record MatchRequest(String text, Integer limit) {
    }

    public record SourceRef(long id, String name, String kind) {
    }

    /** One match; {@code why} is "shared words: ..." or "meaning only". */
    public record MatchJson(long id, String statement, String status, double score, SourceRef source,
            double meaning, double words, List<String> sharedWords, String why, String decidedAt,
            String rationale) {
    }

    public record MatchList(List<MatchJson> items) {
    }

    @Inject
    ClaimMatcher matcher;

    @POST
    @RolesAllowed(Role.VIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Find claims checked before", description = """
            Any signed-in account. The desk's claims closest to a text (a sentence, a post, a paragraph), best \
            first, by meaning (sentence embeddings) and shared words. limit runs from 1 to 50 (default 10). score \
            runs from 0 to 1; meaning is the cosine of the two texts' embeddings and words the share of the text's \
            weighted words the claim holds. Claims scoring below 0.35 are left out.""")
    @RequestBody(description = "The text to look for", required = true, content = @Content(mediaType = JSON,
            examples = @ExampleObject(name = "text", value = """
                    {"text":"Biden has the biggest house in Delaware","limit":5}""")))
    @APIResponse(responseCode = "200", description = "The closest claims, best first",
            content = @Content(mediaType = JSON, examples = @ExampleObject(name = "matches", value = """
                    {"items":[{"id":4201,"statement":"Former U.S. Vice President Joe Biden owns the largest \
                    mansion in his state.","status":"disputed","score":0.71,"source":{"id":51,"name":"Snopes",\
                    "kind":"news_outlet"},"meaning":0.78,"words":0.52,"sharedWords":["biden","delawar"],\
                    "why":"shared words: biden, delawar","decidedAt":"2024-10-20T09:00:00Z",\
                    "rationale":"County records show larger homes."}]}""")))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    public MatchList matches(MatchRequest request) {
        if (request == null) {
            throw ClientError.badRequest("Send a JSON object with the text to look for, e.g. {\"text\":\"...\"}.");
        }
        FieldErrors errors = new FieldErrors();
        MatchQuery query = MatchQuery.of(request.text(), request.limit(), errors);
        errors.throwIfAny();
        return new MatchList(matcher.nearest(query.text(), query.limit()).stream().map(MatchesApi::json).toList());
    }

    static MatchJson json(Match m) {
        return new MatchJson(m.id(), m.statement(), m.status(), m.score(),
                new SourceRef(m.sourceId(), m.sourceName(), m.sourceKind()), m.meaning(), m.words(), m.sharedWords(),
                m.why(), m.decidedAt() == null ? null : m.decidedAt().toString(), m.rationale());
    }
}
