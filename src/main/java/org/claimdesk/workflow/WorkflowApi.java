package org.claimdesk.workflow;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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

/** The editorial workflow for scripts: approvals and sendings-back, internal notes. Bulk triage is {@link TriageApi}. */
@Path("/api/claims/{id}")
@Tag(name = "Workflow")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.REVIEWER)
public class WorkflowApi {

    private static final String JSON = MediaType.APPLICATION_JSON;

    public record NewApproval(Long version, Boolean sendBack, String note) {
    }

    public record NewNote(String text) {
    }

    /** A note just written, with whose queue it went to and the names it mentioned that are no active account. */
    public record WrittenNote(long id, String author, Instant at, String text, List<String> mentioned,
            List<String> unknownMentions) {
    }

    @Inject
    ApprovalRules approvals;

    @Inject
    NoteRules notes;

    @POST
    @Path("approvals")
    @Operation(summary = "Approve or send back a claim's decision", description = """
            Reviewers other than the one who made the claim's current decision. {"version"} approves it; \
            {"version","sendBack":true,"note"} sends it back to the decider's queue with the note. version is the \
            claim version the answer was made from: if the claim was decided again, or its statement, quote, source \
            or article edited since, the answer is 409. The decider's own answer is 403. With \
            CLAIMDESK_PUBLISH_REQUIRE_APPROVAL=true a claim is published only with a standing approval.""")
    @Parameter(name = "id", description = "The claim's id", example = "151")
    @RequestBody(description = "The answer", required = true, content = @Content(mediaType = JSON, examples = {
            @ExampleObject(name = "approve", value = "{\"version\":1}"),
            @ExampleObject(name = "send back", value = """
                    {"version":1,"sendBack":true,"note":"Table 3 counts contracts, not workers; check again."}""") }))
    @APIResponse(responseCode = "201", description = "The answer, as the claim's approvals list it",
            content = @Content(mediaType = JSON, examples = @ExampleObject(name = "approved", value = """
                    {"action":"approved","reviewer":"kim","at":"2024-10-20T10:30:00Z","claimVersion":1,"note":"",\
                    "current":true}""")))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public Response answer(@RestPath long id, NewApproval request) {
        if (request == null) {
            throw ClientError.badRequest("Send a JSON object with version, and sendBack with a note to send back.");
        }
        Approval a = approvals.answer(id, request.version(), Boolean.TRUE.equals(request.sendBack()),
                request.note());
        return Response.created(URI.create("/api/claims/" + id)).entity(new Workflow.ApprovalJson(a.action.name(),
                a.reviewer.username, a.at, a.claimVersion, a.note, true)).build();
    }

    @POST
    @Path("notes")
    @Operation(summary = "Write an internal note on a claim", description = """
            Reviewers. Notes are read by everyone signed in, never public, and never changed once written. \
            @username in the text puts the claim into that reviewer's queue, with the note, until they open it.""")
    @Parameter(name = "id", description = "The claim's id", example = "151")
    @RequestBody(description = "The note", required = true, content = @Content(mediaType = JSON,
            examples = @ExampleObject(name = "note", value = """
                    {"text":"Emailed the ministry; @kim please check table 3."}""")))
    @APIResponse(responseCode = "201", description = "The note", content = @Content(mediaType = JSON,
            examples = @ExampleObject(name = "written", value = """
                    {"id":201,"author":"sam","at":"2024-10-19T09:00:00Z","text":"Emailed the ministry; @kim please \
                    check table 3.","mentioned":["kim"],"unknownMentions":[]}""")))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response note(@RestPath long id, NewNote request) {
        if (request == null) {
            throw ClientError.badRequest("Send a JSON object with text.");
        }
        NoteRules.Written w = notes.write(id, request.text());
        return Response.created(URI.create("/api/claims/" + id)).entity(new WrittenNote(w.note().id,
                w.note().author.username, w.note().createdAt, w.note().text, w.mentioned(), w.unknown())).build();
    }
}
