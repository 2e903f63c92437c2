package org.claimdesk.source;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.claimdesk.attribution.Attributions;
import org.claimdesk.attribution.TrackRecord;
import org.claimdesk.system.ApiDocs;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The source endpoints of the JSON API: add a source, search them, read one with its claim counts. */
@Path("/api/sources")
@Tag(name = "Sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourcesApi {

    /** The API returns at most this many sources per search; narrow the search to see others. */
    public static final int MAX_ITEMS = 100;

    /** A source as the API shows it; {@code counts} only when one source is asked for. */
    public record SourceJson(long id, String name, String kind, String country, List<String> aliases,
            String description, String website, long version, Instant createdAt, Instant updatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) ClaimCounts counts,
            @JsonInclude(JsonInclude.Include.NON_NULL) TrackRecord trackRecord) {

        static SourceJson of(Source source, ClaimCounts counts) {
            return of(source, counts, null);
        }

        static SourceJson of(Source source, ClaimCounts counts, TrackRecord trackRecord) {
            return new SourceJson(source.id, source.name, source.kind.name(), source.country,
                    List.copyOf(source.aliases), source.description, source.website, source.version,
                    source.createdAt, source.updatedAt, counts, trackRecord);
        }
    }

    public record SourceList(List<SourceJson> items) {
    }

    @Inject
    SourceRules rules;

    @Inject
    SourceSearch search;

    @Inject
    Attributions attributions;

    @POST
    @RolesAllowed(Role.REVIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a source", description = """
            Reviewers. name and kind are required; country is ISO 3166-1 alpha-2; names are unique in any case.""")
    @RequestBody(description = "The source", required = true, content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "source", value = """
                    {"name":"National Intelligence Service","kind":"intelligence_agency","country":"KR",\
                    "aliases":["NIS"],"website":"https://www.nis.go.kr"}""")))
    @APIResponse(responseCode = "201", description = "The source, with its address in Location",
            content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "created", value = """
                    {"id":51,"name":"National Intelligence Service","kind":"intelligence_agency","country":"KR",\
                    "aliases":["NIS"],"description":"","website":"https://www.nis.go.kr","version":0,\
                    "createdAt":"2024-10-01T10:00:00Z","updatedAt":"2024-10-01T10:00:00Z"}""")))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public Response create(SourceInput input, @Context UriInfo uri) {
        if (input == null) {
            throw ClientError.badRequest("Send a JSON object with at least name and kind.");
        }
        Source created = rules.create(input);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id)).build())
                .entity(SourceJson.of(created, null)).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER)
    @Operation(summary = "Search sources", description = """
            At most 100 sources in name order; q matches words of a name or alias, or any part of one.""")
    @Parameters({ @Parameter(name = "q", description = "Words of a name or alias", example = "intelligence"),
            @Parameter(name = "kind", description = "Only sources of this kind", example = "government"),
            @Parameter(name = "country", description = "Only sources of this country (ISO code)", example = "KR") })
    @APIResponse(responseCode = "200", description = "The sources", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "sources", value = """
                    {"items":[{"id":51,"name":"National Intelligence Service","kind":"intelligence_agency",\
                    "country":"KR","aliases":["NIS"],"description":"","website":"https://www.nis.go.kr","version":0,\
                    "createdAt":"2024-10-01T10:00:00Z","updatedAt":"2024-10-01T10:00:00Z"}]}""")))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    public SourceList list(@RestQuery String q, @RestQuery String kind, @RestQuery String country) {
        return new SourceList(search.first(SourceFilter.parse(q, kind, country), MAX_ITEMS).stream()
                .map(source -> SourceJson.of(source, null)).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Role.VIEWER)
    @Operation(summary = "Read a source", description = """
            The source with how many of its claims are verified, disputed and unverified, and its track record: of \
            its claims resolved (decided, or found misattributed), how many held up (verified), did not hold \
            (disputed) or were misattributed, the median days from the claim to its resolution, and the same \
            counts by the month the claims were made.""")
    @Parameter(name = "id", description = "The source's id", example = "51")
    @APIResponse(responseCode = "200", description = "The source", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "source", value = """
                    {"id":51,"name":"National Intelligence Service","kind":"intelligence_agency","country":"KR",\
                    "aliases":["NIS"],"description":"","website":"https://www.nis.go.kr","version":0,\
                    "createdAt":"2024-10-01T10:00:00Z","updatedAt":"2024-10-01T10:00:00Z",\
                    "counts":{"verified":3,"disputed":5,"unverified":12},"trackRecord":{"resolved":9,"heldUp":3,\
                    "didNotHold":5,"misattributed":1,"medianDaysToResolve":41.0,"byMonth":[{"month":"2024-10-01",\
                    "heldUp":3,"didNotHold":5,"misattributed":1}]}}""")))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public SourceJson show(@RestPath long id) {
        return SourceJson.of(SourceRules.find(id), search.counts(id), attributions.trackRecord(id));
    }
}
