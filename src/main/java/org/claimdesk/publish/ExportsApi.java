package org.claimdesk.publish;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.claimdesk.claim.ClaimFilter;
import org.claimdesk.system.ApiDocs;
import org.claimdesk.system.Role;
import org.claimdesk.system.Routes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Claims as a CSV file, for spreadsheets and other tools; the claims list links here with its filter. */
@Path("/api/exports")
@Tag(name = "Exports")
public class ExportsApi {

    public static final String CSV = "text/csv";

    @Inject
    ClaimsCsv csv;

    @GET
    @Path("claims.csv")
    @Produces(CSV)
    @RolesAllowed(Role.VIEWER)
    @Operation(summary = "Export claims as CSV", description = """
            Every claim the filters find (the same filters as GET /api/claims, without pages), in the list's order, \
            streamed as RFC 4180 CSV in UTF-8 with a header row. `url` is the claim's page on this desk, \
            `article_url` the article it appeared in. Text starting with =, +, -, @ is prefixed with an apostrophe \
            so that spreadsheets do not run it as a formula. Filters are checked before the first byte is sent.""")
    @Parameters({ @Parameter(ref = ApiDocs.Q), @Parameter(ref = ApiDocs.STATUS), @Parameter(ref = ApiDocs.SOURCE_ID),
            @Parameter(ref = ApiDocs.KIND), @Parameter(ref = ApiDocs.TAG), @Parameter(ref = ApiDocs.ARTICLE_ID),
            @Parameter(ref = ApiDocs.ASSIGNEE_ID), @Parameter(ref = ApiDocs.FROM), @Parameter(ref = ApiDocs.TO),
            @Parameter(ref = ApiDocs.SORT) })
    @APIResponse(responseCode = "200", description = "The claims, one per line after the header",
            content = @Content(mediaType = CSV, examples = @ExampleObject(name = "claims", value = """
                    id,statement,source,source_kind,status,original_rating,claim_date,tags,quote,article_title,\
                    article_url,url,assignee,created_at,decided_at\r
                    151,"About 15,000 workers were sent to Russia.",National Intelligence Service,intelligence_agency,\
                    unverified,,2024-10-18,"labour,russia",,,,https://desk.example.org/claims/151,,\
                    2024-10-19T08:12:01Z,\r
                    """)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    public Response claims(@Context UriInfo uri) {
        ClaimFilter filter = ClaimFilter.parse(uri.getQueryParameters());
        String claimPage = uri.getBaseUriBuilder().path(Routes.claims()).build() + "/";
        StreamingOutput body = output -> csv.write(filter, claimPage, output);
        return Response.ok(body, CSV + "; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"claims.csv\"").build();
    }
}
