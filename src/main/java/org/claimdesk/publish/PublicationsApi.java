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

import org.claimdesk.reviewer.Role;
import org.claimdesk.system.Routes;
import org.jboss.resteasy.reactive.RestPath;

/** Publishing for scripts: what the Publish and Unpublish buttons do on a claim's page. */
@Path("/api/claims/{id}/publication")
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
    public Response publish(@RestPath long id) {
        Publication publication = publishing.publish(id);
        return Response.created(URI.create(Routes.factCheck(publication.slug)))
                .entity(PublicationJson.of(publication)).build();
    }

    @DELETE
    public Response unpublish(@RestPath long id) {
        publishing.unpublish(id);
        return Response.noContent().build();
    }
}
