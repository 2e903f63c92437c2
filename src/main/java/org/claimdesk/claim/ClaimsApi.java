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

import org.claimdesk.review.Evidence;
import org.claimdesk.review.Review;
import org.claimdesk.review.VerdictInput;
import org.claimdesk.review.Verdicts;
import org.claimdesk.reviewer.Role;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The claims endpoints of the JSON API. Statuses are the words verified, disputed and unverified; a decision must name
 * the claim version it was made from, and a stale one is refused with 409.
 */
@Path("/api/claims")
@Produces(MediaType.APPLICATION_JSON)
public class ClaimsApi {

    public record NewClaim(String statement, String quote, Long sourceId, Long articleId, Integer quoteStart,
            Integer quoteEnd, LocalDate claimDate, List<String> tags, Long assigneeId) {

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
            Instant decidedAt, List<HistoryEntry> history, List<LinkJson> links) {
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

    public record RelatedJson(long id, String statement, String status, double similarity, SourceRef source) {
    }

    public record RelatedList(List<RelatedJson> items) {
    }

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

    @POST
    @RolesAllowed(Role.REVIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewClaim request) {
        if (request == null) {
            throw ClientError.badRequest("Send a JSON object with at least statement and sourceId.");
        }
        Claim created = rules.create(request.input(), new FieldErrors());
        return Response.created(URI.create("/api/claims/" + created.id)).entity(json(created.id)).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER)
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
    public ClaimJson get(@RestPath long id) {
        return json(id);
    }

    @POST
    @Path("{id}/verdicts")
    @RolesAllowed(Role.REVIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
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
    public RelatedList related(@RestPath long id) {
        ClaimRules.find(id);
        return new RelatedList(related.of(id).stream().map(r -> new RelatedJson(r.id(), r.statement(),
                r.status().name(), Math.round(r.similarity() * 1000) / 1000.0,
                new SourceRef(r.sourceId(), r.sourceName(), r.sourceKind().name()))).toList());
    }

    private ClaimJson json(long id) {
        ClaimDetails.Details d = details.load(id, false);
        Claim c = d.claim();
        return new ClaimJson(c.id, c.statement, c.quote, new SourceRef(c.source.id, c.source.name, c.source.kind.name()),
                c.article == null ? null : new ArticleRef(c.article.id, c.article.title, c.article.url), c.quoteStart,
                c.quoteEnd, c.claimDate, c.tags, c.assignee == null ? null : c.assignee.username, c.status.name(),
                c.version, c.createdAt, c.createdBy == null ? null : c.createdBy.username, c.updatedAt,
                c.updatedBy == null ? null : c.updatedBy.username, c.decidedAt,
                d.reviews().stream().map(HistoryEntry::of).toList(),
                d.links().stream().map(l -> new LinkJson(l.linkId(), l.kind().name(), l.otherId(), l.otherStatement(),
                        l.otherStatus().name())).toList());
    }
}
