package org.claimdesk.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;

import org.claimdesk.claim.ClaimFilter;
import org.claimdesk.system.ApiDocs;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bulk triage for scripts: what the claims list's bulk form does. */
@Path("/api/claims/bulk")
@Tag(name = "Workflow")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.REVIEWER)
public class TriageApi {

    private static final String JSON = MediaType.APPLICATION_JSON;

    /**
     * {@code filter} holds the claims list's parameters (q, status, sourceId, kind, tag, articleId, assigneeId, from,
     * to, priority). {@code asOf} is when the caller read the claims: those changed or added since are refused.
     */
    public record BulkRequest(List<Long> ids, Map<String, String> filter, Long assigneeId, Boolean unassign,
            List<String> addTags, List<String> removeTags, String priority, Instant asOf) {
    }

    @Inject
    TriageRules rules;

    @POST
    @Operation(summary = "Change many claims at once", description = """
            Reviewers. The claims are "ids", or every claim of "filter" (the claims list's parameters), up to \
            10,000. Changes: assigneeId (or "unassign":true), addTags, removeTags, priority (high, normal, low). \
            One transaction; each claim that changes gets one entry in its history. With asOf (when the claims were \
            read), claims changed or added since are refused and named; the rest are changed. Bulk changes never \
            decide claims.""")
    @RequestBody(description = "The claims and the changes", required = true, content = @Content(mediaType = JSON,
            examples = { @ExampleObject(name = "ids", value = """
                    {"ids":[151,152],"assigneeId":3,"addTags":["election"],"priority":"high"}"""),
                    @ExampleObject(name = "filter", value = """
                            {"filter":{"status":"unverified","tag":"labour"},"assigneeId":3,\
                            "asOf":"2024-10-20T09:00:00Z"}""") }))
    @APIResponse(responseCode = "200", description = "What changed, what already was so, and what was refused",
            content = @Content(mediaType = JSON, examples = @ExampleObject(name = "report", value = """
                    {"changed":[{"id":151,"changes":[{"field":"assignee","from":null,"to":"kim"},\
                    {"field":"priority","from":"normal","to":"high"}]}],"unchanged":[152],\
                    "refused":[{"id":153,"reason":"changed since the list was shown (by sam)"}]}""")))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public TriageRules.Report apply(BulkRequest request) {
        if (request == null) {
            throw ClientError.badRequest("Send a JSON object with ids or filter, and what to change.");
        }
        ClaimFilter filter = null;
        if (request.filter() != null) {
            MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>();
            request.filter().forEach(params::add);
            filter = ClaimFilter.parse(params);
        }
        return rules.apply(new TriageRules.Request(request.ids(), filter, request.assigneeId(),
                Boolean.TRUE.equals(request.unassign()), request.addTags(), request.removeTags(), request.priority(),
                request.asOf()));
    }
}
