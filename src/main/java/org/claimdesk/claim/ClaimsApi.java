package org.claimdesk.claim;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
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

import org.claimdesk.attribution.AttributionJson;
import org.claimdesk.attribution.Attributions;
import org.claimdesk.attribution.OtherReviews;
import org.claimdesk.review.Evidence;
import org.claimdesk.review.Review;
import org.claimdesk.review.VerdictInput;
import org.claimdesk.review.Verdicts;
import org.claimdesk.system.ApiDocs;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The claims endpoints of the JSON API. Statuses are the words verified, disputed and unverified; a decision must name
 * the claim version it was made from, and a stale one is refused with 409.
 */
@Path("/api/claims")
@Tag(name = "Claims")
@Produces(MediaType.APPLICATION_JSON)
public class ClaimsApi {

    public record NewClaim(String statement, String quote, Long sourceId, Long articleId, Integer quoteStart,
            Integer quoteEnd, LocalDate claimDate, List<String> tags, Long assigneeId,
            List<Long> relayedBy, String attributionKind, LocalDate recheckOn) {

        Attributions.Input attribution() {
            return new Attributions.Input(relayedBy, List.of(), attributionKind,
                    recheckOn == null ? null : recheckOn.toString());
        }

        ClaimInput input() {
            return new ClaimInput(statement, quote, sourceId, articleId, quoteStart, quoteEnd, claimDate, tags,
                    assigneeId);
        }
    }

    public record NewVerdict(String status, String rationale, List<VerdictInput.EvidenceInput> evidence, Long version) {
    }

    public record SourceRef(long id, String name, String kind) {
    }

    public record ArticleRef(long id, String title, String url) {
    }

    public record EvidenceJson(String url, String title, String stance, String note) {
        static EvidenceJson of(Evidence e) {
            return new EvidenceJson(e.url, e.title, e.stance.name(), e.note);
        }
    }

    public record HistoryEntry(String status, String previousStatus, String rationale, String reviewer, Instant at,
            long claimVersion, List<EvidenceJson> evidence) {
        static HistoryEntry of(Review r) {
            return new HistoryEntry(r.status.name(), r.previousStatus.name(), r.rationale, r.reviewer.username,
                    r.decidedAt, r.claimVersion, r.evidence.stream().map(EvidenceJson::of).toList());
        }
    }

    public record LinkJson(long id, String kind, long claimId, String statement, String status) {
    }

    /** A claim with its whole history of decisions, oldest first. */
    public record ClaimJson(long id, String statement, String quote, SourceRef source, ArticleRef article,
            Integer quoteStart, Integer quoteEnd, LocalDate claimDate, List<String> tags, String assignee,
            String status, long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
            Instant decidedAt, List<HistoryEntry> history, List<LinkJson> links,
            // the editorial workflow (issue 18): second approvals and sendings-back, internal notes, triage priority
            Object approvals, Object notes, String priority,
            // attribution as data (issue 19)
            AttributionJson attribution, LocalDate recheckOn, Integer resolvedAfterDays,
            List<AttributionJson.OtherJson> otherReviews) {
    }

    public record Summary(long id, String statement, String status, SourceRef source, Long articleId,
            LocalDate claimDate, List<String> tags, Instant createdAt, Instant decidedAt) {
        static Summary of(ClaimSearch.Row r) {
            return new Summary(r.id(), r.statement(), r.status().name(),
                    new SourceRef(r.sourceId(), r.sourceName(), r.sourceKind().name()), r.articleId(), r.claimDate(),
                    r.tags(), r.createdAt(), r.decidedAt());
        }
    }

    public record ClaimPage(List<Summary> items, long total, int page, int size) {
    }

    /** {@code why}: "shared words: ..." or "meaning only" (issue 14). */
    public record RelatedJson(long id, String statement, String status, double similarity, SourceRef source,
            String why) {
    }

    public record RelatedList(List<RelatedJson> items) {
    }

    /** A decided claim as the API shows it, for the API's description (see {@code system.ApiDocs}). */
    static final String EXAMPLE_CLAIM = """
            {"id":151,"statement":"About 15,000 workers were sent to Russia.","quote":null,"source":{"id":51,\
            "name":"National Intelligence Service","kind":"intelligence_agency"},"article":null,"quoteStart":null,\
            "quoteEnd":null,"claimDate":"2024-10-18","tags":["labour"],"assignee":null,"status":"disputed",\
            "version":1,"createdAt":"2024-10-19T08:12:01Z","createdBy":"sam","updatedAt":"2024-10-20T09:00:00Z",\
            "updatedBy":"sam","decidedAt":"2024-10-20T09:00:00Z","history":[{"status":"disputed",\
            "previousStatus":"unverified","rationale":"The ministry counts 11,000.","reviewer":"sam",\
            "at":"2024-10-20T09:00:00Z","claimVersion":0,"evidence":[{"url":"https://example.org/report",\
            "title":"Annual report","stance":"refutes","note":"Table 3"}]}],"links":[],"approvals":[{"action":\
            "approved","reviewer":"kim","at":"2024-10-20T10:30:00Z","claimVersion":1,"note":"","current":true}],\
            "notes":[{"id":201,"author":"sam","at":"2024-10-19T09:00:00Z","text":"Emailed the ministry; @kim \
            please check table 3."}],"priority":"high",\
            "attribution":{"status":"unconfirmed","kind":"anonymous_official","relayedBy":[{"id":52,"name":"Yonhap",\
            "kind":"news_outlet"}],"history":[]},"recheckOn":null,"resolvedAfterDays":2,"otherReviews":[]}""";

    /** A claim with an attribution decision, relays and another fact-checker's review. */
    public static final String EXAMPLE_ATTRIBUTED_CLAIM = """
            {"id":151,"statement":"About 15,000 workers were sent to Russia.","quote":null,"source":{"id":51,\
            "name":"National Intelligence Service","kind":"intelligence_agency"},"article":null,"quoteStart":null,\
            "quoteEnd":null,"claimDate":"2024-10-18","tags":[],"assignee":null,"status":"unverified",\
            "version":2,"createdAt":"2024-10-19T08:12:01Z","createdBy":"sam","updatedAt":"2024-10-20T09:00:00Z",\
            "updatedBy":"sam","decidedAt":null,"history":[],"links":[],"attribution":{"status":"confirmed",\
            "kind":"anonymous_official","relayedBy":[{"id":52,"name":"Yonhap","kind":"news_outlet"}],\
            "history":[{"status":"confirmed","previousStatus":"unconfirmed","rationale":"Lawmakers at the \
            briefing confirm the figure was given.","reviewer":"sam","at":"2024-10-20T09:00:00Z","claimVersion":1,\
            "evidence":[{"url":"https://example.org/briefing","title":"Briefing notes","stance":"supports",\
            "note":""}]}]},"recheckOn":"2025-01-15","resolvedAfterDays":null,"otherReviews":[{"claimId":160,\
            "organisation":"PolitiFact","rating":"False","status":"disputed","reviewedOn":"2024-05-02",\
            "url":"https://example.org/politifact/1","conflict":false}],"approvals":[],"notes":[],"priority":"normal"}""";

    /** A claim just added. */
    static final String EXAMPLE_NEW_CLAIM = """
            {"id":151,"statement":"About 15,000 workers were sent to Russia.","quote":null,"source":{"id":51,\
            "name":"National Intelligence Service","kind":"intelligence_agency"},"article":null,"quoteStart":null,\
            "quoteEnd":null,"claimDate":"2024-10-18","tags":["labour"],"assignee":null,"status":"unverified",\
            "version":0,"createdAt":"2024-10-19T08:12:01Z","createdBy":"sam","updatedAt":"2024-10-19T08:12:01Z",\
            "updatedBy":"sam","decidedAt":null,"history":[],"links":[],"approvals":[],"notes":[],\
            "priority":"normal",\
            "attribution":{"status":"unconfirmed","kind":null,"relayedBy":[],"history":[]},"recheckOn":null,\
            "resolvedAfterDays":null,"otherReviews":[]}""";

    private static final String JSON = MediaType.APPLICATION_JSON;

    /** The deepest numbered page served; beyond it, narrow the filter. */
    static final int MAX_PAGE = 10_000;

    @Inject
    ClaimRules rules;

    @Inject
    Verdicts verdicts;

    @Inject
    ClaimSearch search;

    @Inject
    ClaimDetails details;

    @Inject
    RelatedClaims related;

    @Inject
    Attributions attributions;

    @Inject
    OtherReviews otherReviews;

    @POST
    @RolesAllowed(Role.REVIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a claim", description = """
            Reviewers. The claim starts unverified at version 0. Optional: quote, articleId with quoteStart and \
            quoteEnd (or only the quote, to have it found), claimDate, tags, assigneeId. quoteStart and quoteEnd \
            count UTF-16 code units of the article's text, as Java and JavaScript index strings (an emoji outside \
            the BMP counts 2), start inclusive, end exclusive; a range that cuts such a character in two is a 400; \
            relayedBy (source ids of the relays, nearest first), attributionKind (direct_quote, paraphrase, \
            anonymous_official, official_statement, state_media_report) and recheckOn (a date).""")
    @RequestBody(description = "The claim", required = true, content = @Content(mediaType = JSON,
            examples = @ExampleObject(name = "claim", value = """
                    {"statement":"About 15,000 workers were sent to Russia.","sourceId":51,\
                    "claimDate":"2024-10-18","tags":["labour"],"relayedBy":[52],\
                    "attributionKind":"anonymous_official","recheckOn":"2025-01-15"}""")))
    @APIResponse(responseCode = "201", description = "The claim, with its address in Location",
            content = @Content(mediaType = JSON,
                    examples = @ExampleObject(name = "created", value = EXAMPLE_NEW_CLAIM)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public Response create(NewClaim request) {
        if (request == null) {
            throw ClientError.badRequest("Send a JSON object with at least statement and sourceId.");
        }
        Claim created = attributions.create(request.input(), request.attribution(), new FieldErrors());
        return Response.created(URI.create("/api/claims/" + created.id)).entity(json(created.id)).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER)
    @Operation(summary = "List claims", description = """
            Claims the filters find, a numbered page at a time: pages count from 1 (up to 10,000), size is from 1 \
            to 100 (25 by default).""")
    @Parameters({ @Parameter(ref = ApiDocs.Q), @Parameter(ref = ApiDocs.STATUS), @Parameter(ref = ApiDocs.SOURCE_ID),
            @Parameter(ref = ApiDocs.KIND), @Parameter(ref = ApiDocs.TAG), @Parameter(ref = ApiDocs.ARTICLE_ID),
            @Parameter(ref = ApiDocs.ASSIGNEE_ID), @Parameter(ref = ApiDocs.FROM), @Parameter(ref = ApiDocs.TO),
            @Parameter(ref = ApiDocs.SORT), @Parameter(name = "attribution", in = ParameterIn.QUERY, description = "Only claims of this "
                    + "attribution status: unconfirmed, confirmed or misattributed", example = "misattributed"),
            @Parameter(name = "page", description = "The page, from 1", example = "1"),
            @Parameter(name = "size", description = "Claims per page, 1 to 100", example = "25") })
    @APIResponse(responseCode = "200", description = "A page of claims", content = @Content(mediaType = JSON,
            examples = @ExampleObject(name = "page", value = """
                    {"items":[{"id":151,"statement":"About 15,000 workers were sent to Russia.",\
                    "status":"unverified","source":{"id":51,"name":"National Intelligence Service",\
                    "kind":"intelligence_agency"},"articleId":null,"claimDate":"2024-10-18","tags":["labour"],\
                    "createdAt":"2024-10-19T08:12:01Z","decidedAt":null}],"total":1,"page":1,"size":25}""")))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    public ClaimPage list(@Context UriInfo uri, @RestQuery Integer page, @RestQuery Integer size) {
        int number = page == null ? 1 : page;
        FieldErrors errors = new FieldErrors();
        if (number < 1 || number > MAX_PAGE) {
            errors.add("page", "page counts from 1 and goes up to " + MAX_PAGE + "; narrow the filter to go further.");
        }
        int pageSize = ClaimSearch.size(size, errors);
        errors.throwIfAny();
        ClaimFilter filter = ClaimFilter.parse(uri.getQueryParameters());
        List<Summary> items = search.numbered(filter, number, pageSize).stream().map(Summary::of).toList();
        return new ClaimPage(items, search.count(filter), number, pageSize);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Role.VIEWER)
    @Operation(summary = "Read a claim", description = """
            The claim with its whole history of decisions, oldest first, and its links to other claims.""")
    @Parameter(name = "id", description = "The claim's id", example = "151")
    @APIResponse(responseCode = "200", description = "The claim",
            content = @Content(mediaType = JSON, examples = @ExampleObject(name = "claim", value = EXAMPLE_CLAIM)))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public ClaimJson get(@RestPath long id) {
        return json(id);
    }

    @POST
    @Path("{id}/verdicts")
    @RolesAllowed(Role.REVIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide a claim", description = """
            Reviewers. Records a decision (verified, disputed, or unverified to reopen) with a rationale (required \
            for verified and disputed) and evidence. version is the claim version the decision was made from; if \
            the claim was decided, or its statement, quote, source or article edited since, the answer is 409.""")
    @Parameter(name = "id", description = "The claim's id", example = "151")
    @RequestBody(description = "The decision", required = true, content = @Content(mediaType = JSON,
            examples = @ExampleObject(name = "decision", value = """
                    {"status":"disputed","rationale":"The ministry counts 11,000.","version":0,\
                    "evidence":[{"url":"https://example.org/report","title":"Annual report","stance":"refutes",\
                    "note":"Table 3"}]}""")))
    @APIResponse(responseCode = "201", description = "The claim, with the decision in its history",
            content = @Content(mediaType = JSON, examples = @ExampleObject(name = "decided", value = EXAMPLE_CLAIM)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public Response decide(@RestPath long id, NewVerdict request) {
        if (request == null) {
            throw ClientError.badRequest("Send a JSON object with status, rationale, evidence and version.");
        }
        verdicts.decide(id, new VerdictInput(request.status(), request.rationale(), request.evidence(),
                request.version()));
        return Response.created(URI.create("/api/claims/" + id)).entity(json(id)).build();
    }

    @GET
    @Path("{id}/related")
    @RolesAllowed(Role.VIEWER)
    @Operation(summary = "Find related claims", description = """
            Claims from any source that say much the same, most similar first: the same engine as             POST /api/claims/matches, by meaning and shared words.""")
    @Parameter(name = "id", description = "The claim's id", example = "151")
    @APIResponse(responseCode = "200", description = "Related claims", content = @Content(mediaType = JSON,
            examples = @ExampleObject(name = "related", value = """
                    {"items":[{"id":178,"statement":"Some 15,000 North Korean labourers work in Russia.",\
                    "status":"unverified","similarity":0.62,"source":{"id":52,"name":"Yonhap",\
                    "kind":"news_outlet"},"why":"shared words: 15000, russia"}]}""")))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public RelatedList related(@RestPath long id) {
        ClaimRules.find(id);
        return new RelatedList(related.of(id).stream().map(r -> new RelatedJson(r.id(), r.statement(),
                r.status().name(), Math.round(r.similarity() * 1000) / 1000.0,
                new SourceRef(r.sourceId(), r.sourceName(), r.sourceKind().name()), r.why())).toList());
    }

    ClaimJson json(long id) {
        ClaimDetails.Details d = details.load(id, false);
        Claim c = d.claim();
        java.util.Map<String, Object> extra = details.addendaJson(id);
        return new ClaimJson(c.id, c.statement, c.quote, new SourceRef(c.source.id, c.source.name, c.source.kind.name()),
                c.article == null ? null : new ArticleRef(c.article.id, c.article.title, c.article.url), c.quoteStart,
                c.quoteEnd, c.claimDate, c.tags, c.assignee == null ? null : c.assignee.username, c.status.name(),
                c.version, c.createdAt, c.createdBy == null ? null : c.createdBy.username, c.updatedAt,
                c.updatedBy == null ? null : c.updatedBy.username, c.decidedAt,
                d.reviews().stream().map(HistoryEntry::of).toList(),
                d.links().stream().map(l -> new LinkJson(l.linkId(), l.kind().name(), l.otherId(), l.otherStatement(),
                        l.otherStatus().name())).toList(),
                extra.getOrDefault("approvals", List.of()), extra.getOrDefault("notes", List.of()), c.priority.name(),
                AttributionJson.of(c, attributions), c.recheckOn, c.resolvedAfterDays,
                AttributionJson.others(c, otherReviews));
    }
}
