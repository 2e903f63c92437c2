package org.claimdesk.publish;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.claimdesk.reviewer.Role;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/imports/claimreview}: a ClaimReview JSON-LD document, a list of them or a DataFeed in, the report
 * {@code {"imported":n,"skipped":n,"rejected":[{"index","reason"}]}} out. One transaction per import.
 */
@Path("/api/imports/claimreview")
public class ClaimReviewImportsApi {

    @Inject
    ClaimReviewImport imports;

    @Inject
    ObjectMapper mapper;

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, "application/ld+json" })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.REVIEWER)
    public ClaimReviewImport.Report importJsonLd(String body) {
        return imports.run(ClaimReviewImports.parse(mapper, body));
    }
}
