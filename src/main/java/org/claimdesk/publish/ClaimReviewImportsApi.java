package org.claimdesk.publish;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.claimdesk.system.ApiDocs;
import org.claimdesk.system.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/imports/claimreview}: a ClaimReview JSON-LD document, a list of them or a DataFeed in, the report
 * {@code {"imported":n,"skipped":n,"rejected":[{"index","reason"}]}} out. One transaction per import.
 */
@Path("/api/imports/claimreview")
@Tag(name = "Imports")
public class ClaimReviewImportsApi {

    @Inject
    ClaimReviewImport imports;

    @Inject
    ObjectMapper mapper;

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, "application/ld+json" })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.REVIEWER)
    @Operation(summary = "Import ClaimReviews", description = """
            Reviewers. A schema.org ClaimReview JSON-LD document, a list of them, an @graph or a DataFeed (at most \
            10,000 reviews), in one transaction. Each review becomes a decided claim of its claimant (matched by \
            name or alias, or added), its rating mapped to a status by the rating mapping. A review imported \
            before is skipped, so importing a file twice changes nothing; a review that cannot be imported is \
            rejected with its index in the document and the reason, and the others are still imported. 409 when \
            another import stored the same reviews at the same moment; nothing is then imported.""")
    @RequestBody(description = "ClaimReview JSON-LD", required = true, content = {
            @Content(mediaType = "application/ld+json", examples = @ExampleObject(name = "list", value = """
                    [{"@context":"https://schema.org","@type":"ClaimReview","url":"https://other.example.org/1",\
                    "claimReviewed":"Crime doubled last year.","author":{"@type":"Organization",\
                    "name":"Other Fact Check"},"reviewRating":{"@type":"Rating","alternateName":"Pants on Fire!"},\
                    "itemReviewed":{"@type":"Claim","datePublished":"2024-05-01","author":{"@type":"Person",\
                    "name":"Senator Example","sameAs":"https://senator.example.org"}}},\
                    {"@context":"https://schema.org","@type":"ClaimReview","url":"https://other.example.org/2",\
                    "claimReviewed":"Wages rose.","reviewRating":{"@type":"Rating","alternateName":"Wibble"},\
                    "itemReviewed":{"@type":"Claim","author":{"@type":"Person","name":"Senator Example"}}}]""")),
            @Content(mediaType = "application/json", examples = @ExampleObject(name = "dataFeed", value = """
                    {"@context":"https://schema.org","@type":"DataFeed","dataFeedElement":[{"@type":"DataFeedItem",\
                    "item":{"@type":"ClaimReview","url":"https://feed.example.org/7",\
                    "claimReviewed":"Exports tripled.","reviewRating":{"@type":"Rating","ratingValue":2,\
                    "bestRating":3,"worstRating":1},"itemReviewed":{"@type":"Claim",\
                    "author":{"@type":"Organization","name":"Ministry of Trade"}}}}]}""")) })
    @APIResponse(responseCode = "200", description = "What was imported, skipped and rejected",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "report", value = """
                    {"imported":1,"skipped":0,"rejected":[{"index":1,"reason":"The rating \\"Wibble\\" is not in \
                    the rating mapping; an admin can add it on the rating mapping page."}]}""")))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public ClaimReviewImport.Report importJsonLd(String body) {
        return imports.run(ClaimReviewImports.parse(mapper, body));
    }
}
