package org.claimdesk.publish;

import java.net.URI;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.claimdesk.system.ApiDocs;
import org.claimdesk.system.Role;
import org.claimdesk.system.Routes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Publishing for scripts: what the Publish and Unpublish buttons do on a claim's page. */
@Path("/api/claims/{id}/publication")
@Tag(name = "Publishing")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.REVIEWER)
public class PublicationsApi {

    /** A claim's public fact-check. */
    public record PublicationJson(long claimId, String slug, String path, Instant firstPublishedAt,
            Instant publishedAt) {
        static PublicationJson of(Publication p) {
            return new PublicationJson(p.claimId, p.slug, Routes.factCheck(p.slug), p.firstPublishedAt,
                    p.publishedAt);
        }
    }

    @Inject
    Publications publishing;

    @POST
    @Operation(summary = "Publish a claim", description = """
            Reviewers. Puts a decided claim's fact-check online at /fact-checks/{slug}; a claim published before gets \
            its first slug back. 409 when it is already published, or unverified (unless \
            claimdesk.publish.allow-unverified).""")
    @Parameter(name = "id", description = "The claim's id", example = "151")
    @APIResponse(responseCode = "201", description = "The publication, with the public page's address in Location",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "published", value = """
                    {"claimId":151,"slug":"about-15-000-workers-were-sent-to-russia-151",\
                    "path":"/fact-checks/about-15-000-workers-were-sent-to-russia-151",\
                    "firstPublishedAt":"2024-10-21T08:00:00Z","publishedAt":"2024-10-21T08:00:00Z"}""")))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public Response publish(@RestPath long id) {
        Publication publication = publishing.publish(id);
        return Response.created(URI.create(Routes.factCheck(publication.slug)))
                .entity(PublicationJson.of(publication)).build();
    }

    @DELETE
    @Operation(summary = "Unpublish a claim", description = """
            Reviewers. Takes the fact-check offline; its slug stays reserved for a later publication. 409 when the \
            claim is not published.""")
    @Parameter(name = "id", description = "The claim's id", example = "151")
    @APIResponse(responseCode = "204", description = "Unpublished; no body")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public Response unpublish(@RestPath long id) {
        publishing.unpublish(id);
        return Response.noContent().build();
    }
}
