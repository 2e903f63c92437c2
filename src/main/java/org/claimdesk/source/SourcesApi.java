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

import org.claimdesk.reviewer.Role;
import org.claimdesk.system.ClientError;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The source endpoints of the JSON API: add a source, search them, read one with its claim counts. */
@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourcesApi {

    /** The API returns at most this many sources per search; narrow the search to see others. */
    public static final int MAX_ITEMS = 100;

    /** A source as the API shows it; {@code counts} only when one source is asked for. */
    public record SourceJson(long id, String name, String kind, String country, List<String> aliases,
            String description, String website, long version, Instant createdAt, Instant updatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) ClaimCounts counts) {

        static SourceJson of(Source source, ClaimCounts counts) {
            return new SourceJson(source.id, source.name, source.kind.name(), source.country,
                    List.copyOf(source.aliases), source.description, source.website, source.version,
                    source.createdAt, source.updatedAt, counts);
        }
    }

    public record SourceList(List<SourceJson> items) {
    }

    @Inject
    SourceRules rules;

    @Inject
    SourceSearch search;

    @POST
    @RolesAllowed(Role.REVIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
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
    public SourceList list(@RestQuery String q, @RestQuery String kind, @RestQuery String country) {
        return new SourceList(search.first(SourceFilter.parse(q, kind, country), MAX_ITEMS).stream()
                .map(source -> SourceJson.of(source, null)).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Role.VIEWER)
    public SourceJson show(@RestPath long id) {
        return SourceJson.of(SourceRules.find(id), search.counts(id));
    }
}
