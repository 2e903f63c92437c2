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
import org.claimdesk.reviewer.Role;
import org.claimdesk.system.ClientError;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The ClaimReview of any decided claim, published or not, for reviewers preparing or exporting fact-checks. */
@Path("/api/claims/{id}/claimreview")
public class ClaimReviewApi {

    @Inject
    ClaimReviews reviews;

    @GET
    @Produces("application/ld+json")
    @RolesAllowed(Role.REVIEWER)
    public ObjectNode claimReview(@RestPath long id, @Context UriInfo uri) {
        Claim claim = ClaimRules.find(id);
        if (claim.status == ClaimStatus.unverified) {
            throw ClientError.conflict("Claim " + id + " is unverified: ClaimReview describes a verdict, and this "
                    + "claim has none yet.");
        }
        return reviews.of(claim, Publication.of(id).orElse(null), reviews.base(uri.getBaseUri().toString()));
    }
}
