package org.claimdesk.publish;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimRules;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.system.ApiDocs;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The ClaimReview of any decided claim, published or not, for reviewers preparing or exporting fact-checks. */
@Path("/api/claims/{id}/claimreview")
@Tag(name = "Publishing")
public class ClaimReviewApi {

    @Inject
    ClaimReviews reviews;

    @GET
    @Produces("application/ld+json")
    @RolesAllowed(Role.REVIEWER)
    @Operation(summary = "Read a claim's ClaimReview", description = """
            Reviewers. The schema.org ClaimReview JSON-LD of a decided claim, published or not: the rating is 1 \
            (disputed) to 3 (verified) with the configured wording; an unpublished claim's url is the address it \
            will get. 409 for an unverified claim.""")
    @Parameter(name = "id", description = "The claim's id", example = "151")
    @APIResponse(responseCode = "200", description = "The ClaimReview", content = @Content(
            mediaType = "application/ld+json", examples = @ExampleObject(name = "claimReview", value = """
                    {"@context":"https://schema.org","@type":"ClaimReview",\
                    "url":"https://desk.example.org/fact-checks/about-15-000-workers-were-sent-to-russia-151",\
                    "claimReviewed":"About 15,000 workers were sent to Russia.","datePublished":"2024-10-21",\
                    "author":{"@type":"Organization","name":"Claimdesk","url":"https://desk.example.org/fact-checks"},\
                    "publisher":{"@type":"Organization","name":"Claimdesk",\
                    "url":"https://desk.example.org/fact-checks"},"reviewBody":"The ministry counts 11,000.",\
                    "reviewRating":{"@type":"Rating","ratingValue":1,"bestRating":3,"worstRating":1,\
                    "alternateName":"Disputed"},"itemReviewed":{"@type":"Claim","author":{"@type":"Organization",\
                    "name":"National Intelligence Service","sameAs":"https://www.nis.go.kr"},\
                    "datePublished":"2024-10-18"},"citation":[{"@type":"CreativeWork",\
                    "url":"https://example.org/report","name":"Annual report"}]}""")))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public ObjectNode claimReview(@RestPath long id, @Context UriInfo uri) {
        Claim claim = ClaimRules.find(id);
        if (claim.status == ClaimStatus.unverified) {
            throw ClientError.conflict("Claim " + id + " is unverified: ClaimReview describes a verdict, and this "
                    + "claim has none yet.");
        }
        return reviews.of(claim, Publication.of(id).orElse(null), reviews.base(uri.getBaseUri().toString()));
    }
}
