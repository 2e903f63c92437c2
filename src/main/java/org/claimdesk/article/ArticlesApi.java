package org.claimdesk.article;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.claimdesk.article.ArticleImport.Accepted;
import org.claimdesk.article.ArticleImport.SourceChoice;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceInput;
import org.claimdesk.system.ApiDocs;
import org.claimdesk.system.CleanedText;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * The article endpoints of the JSON API: store an article with its reviewed claims in one transaction (all or
 * nothing), and read one back with its claims.
 */
@Path("/api/articles")
@Tag(name = "Articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticlesApi {

    /** Ranges count characters of {@code text} as sent. */
    public record NewClaim(String statement, String quote, Long sourceId, SourceInput newSource, Integer claimStart,
            Integer claimEnd) {
    }

    /** {@code publishedAt} is a date (2025-05-10) or a date and time, of which the date (UTC) is kept. */
    public record NewArticle(String title, @JsonDeserialize(using = CleanedText.Json.class) String text,
            Long publisherId, String url, String publishedAt, List<NewClaim> claims) {
    }

    public record SourceRef(long id, String name, String kind) {
    }

    public record ClaimJson(long id, String statement, String quote, Integer claimStart, Integer claimEnd, SourceRef source,
            String status) {
    }

    public record ArticleJson(long id, String title, SourceRef publisher, String url, LocalDate publishedOn,
            String text, long version, Instant createdAt, String createdBy, List<ClaimJson> claims) {
    }

    /** How the API names the article form's fields in its errors. */
    private static final Map<String, String> FIELDS = Map.of("body", "text", "publisher", "publisherId",
            "publishedOn", "publishedAt");

    /** An article as the API shows it, for the examples. */
    static final String EXAMPLE_ARTICLE = """
            {"id":101,"title":"Workers sent to Russia","publisher":{"id":7,"name":"Yonhap","kind":"news_outlet"},\
            "url":"https://example.org/workers","publishedOn":"2024-10-18","text":"North Korea has sent about 15,000 \
            workers to Russia since January, South Korea's National Intelligence Service said on Friday.\\n\\"We \
            will not send troops,\\" a spokesman for the ministry told reporters.","version":0,\
            "createdAt":"2024-10-19T08:12:01Z","createdBy":"sam","claims":[{"id":151,\
            "statement":"North Korea has sent about 15,000 workers to Russia this year.",\
            "quote":"North Korea has sent about 15,000 workers to Russia since January","claimStart":0,\
            "claimEnd":65,"source":{"id":51,"name":"National Intelligence Service","kind":"intelligence_agency"},\
            "status":"unverified"},{"id":152,"statement":"North Korea will not send troops to Russia.",\
            "quote":"\\"We will not send troops,\\"","claimStart":127,"claimEnd":153,"source":{"id":52,\
            "name":"Ministry of Unification","kind":"government"},"status":"unverified"}]}""";

    @Inject
    ArticleImport imports;

    @Inject
    EntityManager em;

    @POST
    @RolesAllowed(Role.REVIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store an article with its claims", description = """
            Reviewers. One transaction, all or nothing: the article, each new source once, and one unverified claim \
            per entry of claims. title, text and each claim's statement and source (sourceId, or newSource as for \
            POST /api/sources) are required; claimStart/claimEnd count UTF-16 code units of text as sent (as \
            JavaScript indexes strings: an emoji outside the BMP counts 2), control characters that are removed from the \
            stored text included (the ranges \
            POST /api/extractions returns fit too), and a claim without a quote gets the text's words there. \
            publishedAt is a date or an ISO 8601 date and time, of which the UTC date is kept. Errors name the \
            field, e.g. claims[2].claimStart.""")
    @RequestBody(description = "The article and its claims", required = true, content = @Content(
            mediaType = "application/json", examples = @ExampleObject(name = "article", value = """
                    {"title":"Workers sent to Russia","text":"North Korea has sent about 15,000 workers to Russia \
                    since January, South Korea's National Intelligence Service said on Friday.\\n\\"We will not \
                    send troops,\\" a spokesman for the ministry told reporters.","publisherId":7,\
                    "url":"https://example.org/workers","publishedAt":"2024-10-18","claims":[{\
                    "statement":"North Korea has sent about 15,000 workers to Russia this year.","sourceId":51,\
                    "claimStart":0,"claimEnd":65},{"statement":"North Korea will not send troops to Russia.",\
                    "newSource":{"name":"Ministry of Unification","kind":"government","country":"KR"},\
                    "claimStart":127,"claimEnd":153}]}""")))
    @APIResponse(responseCode = "201", description = "The article with its claims, with its address in Location",
            content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "created", value = EXAMPLE_ARTICLE)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public Response create(NewArticle request) {
        if (request == null) {
            throw ClientError.badRequest("Send a JSON object with at least title, text and claims.");
        }
        FieldErrors errors = new FieldErrors();
        ArticleForm form = new ArticleForm();
        form.title = request.title();
        form.body = request.text();
        form.url = request.url();
        form.publishedOn = date(request.publishedAt(), errors);
        if (request.publisherId() != null) {
            form.publisher = Source.<Source> findByIdOptional(request.publisherId()).map(s -> s.name).orElse(null);
            if (form.publisher == null) {
                errors.add("publisherId", "There is no source with id " + request.publisherId() + ".");
            }
        }
        errors.throwIfAny();
        List<Accepted> claims = new ArrayList<>();
        for (NewClaim claim : request.claims() == null ? List.<NewClaim> of() : request.claims()) {
            claims.add(claim == null ? null : new Accepted(claim.statement(), claim.quote(),
                    claim.sourceId() == null && claim.newSource() == null ? List.of()
                            : List.of(new SourceChoice(claim.sourceId(), claim.newSource())),
                    claim.claimStart(), claim.claimEnd(), null));
        }
        Article created = imports.save(form, claims, FIELDS);
        return Response.created(URI.create("/api/articles/" + created.id)).entity(json(created.id)).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Role.VIEWER)
    @Operation(summary = "Read an article", description = "The article with its claims in text order.")
    @Parameter(name = "id", description = "The article's id", example = "101")
    @APIResponse(responseCode = "200", description = "The article", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "article", value = EXAMPLE_ARTICLE)))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public ArticleJson show(@RestPath long id) {
        return json(id);
    }

    private ArticleJson json(long id) {
        Article a = ArticleRules.find(id);
        List<ClaimJson> claims = em.createQuery("select c.id, c.statement, c.quote, c.quoteStart, c.quoteEnd, s.id, "
                + "s.name, s.kind, c.status from Claim c join c.source s where c.article.id = :id "
                + "order by c.quoteStart nulls last, c.id", Object[].class)
                .setParameter("id", id).getResultList().stream()
                .map(r -> new ClaimJson((Long) r[0], (String) r[1], (String) r[2], (Integer) r[3], (Integer) r[4],
                        new SourceRef((Long) r[5], (String) r[6], r[7].toString()), r[8].toString()))
                .toList();
        return new ArticleJson(a.id, a.title, a.publisher == null ? null
                : new SourceRef(a.publisher.id, a.publisher.name, a.publisher.kind.name()), a.url, a.publishedOn,
                a.body, a.version, a.createdAt, a.createdBy == null ? null : a.createdBy.username, claims);
    }

    /** The date part of {@code publishedAt}, as the article form takes it. */
    private static String date(String value, FieldErrors errors) {
        if (value == null || value.isBlank() || !value.contains("T")) {
            return value;
        }
        try {
            return OffsetDateTime.parse(value.strip()).atZoneSameInstant(ZoneOffset.UTC).toLocalDate().toString();
        } catch (DateTimeParseException e) {
            errors.add("publishedAt", "Give the published date as YYYY-MM-DD or an ISO 8601 date and time with "
                    + "its offset (2025-05-10T08:00:00Z).");
            return null;
        }
    }
}
