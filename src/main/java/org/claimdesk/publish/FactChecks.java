package org.claimdesk.publish;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.review.Review;
import org.claimdesk.system.ClientError;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

/**
 * The public fact-checks, readable without login: the index, one fact-check with its ClaimReview, the Atom feed and
 * the JSON-LD DataFeed. Only live publications are ever read here; anything else is 404.
 */
@Path("/")
@PermitAll
public class FactChecks {

    static final int PAGE_SIZE = 20;
    static final int FEED_SIZE = 50;
    static final String LIVE_NEWEST_FIRST = "select p from Publication p join fetch p.claim c join fetch c.source "
            + "where p.publishedAt is not null order by p.publishedAt desc, p.claimId desc";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Listing listing);

        static native TemplateInstance show(FactCheck check, RawString jsonLd);

        static native TemplateInstance feed(List<Summary> entries, String base, String organisation,
                Instant updated);
    }

    /** One fact-check in the index and the feed. */
    public record Summary(String slug, String statement, String source, ClaimStatus status, String wording,
            Instant firstPublishedAt, Instant publishedAt) {
    }

    /** One page of the index. */
    public record Listing(List<Summary> items, int page, boolean hasNext) {
        public boolean hasPrevious() {
            return page > 1;
        }
    }

    /** A verdict the public saw before a correction replaced it. */
    public record Correction(Instant at, String was, String now) {
    }

    /** What the public page of one fact-check shows. */
    public record FactCheck(Publication publication, Claim claim, Review review, List<Correction> corrections,
            String wording, String url) {
    }

    @Inject
    ClaimReviews reviews;

    @Inject
    ObjectMapper mapper;

    @Inject
    Publications publishing;

    @GET
    @Path("fact-checks")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index(@RestQuery String page) {
        int number = page == null || page.isBlank() ? 1 : number(page);
        List<Publication> rows = Publication.<Publication> find(LIVE_NEWEST_FIRST)
                .range((number - 1) * PAGE_SIZE, number * PAGE_SIZE).list();
        boolean hasNext = rows.size() > PAGE_SIZE;
        List<Summary> items = (hasNext ? rows.subList(0, PAGE_SIZE) : rows).stream().map(this::summary).toList();
        return Templates.index(new Listing(items, number, hasNext));
    }

    @GET
    @Path("fact-checks/{slug}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@RestPath String slug, @Context UriInfo uri) {
        Publication publication = Publication.live(slug).orElseThrow(FactChecks::notFound);
        Claim claim = publication.claim;
        String base = reviews.base(uri.getBaseUri().toString());
        ObjectNode json = reviews.of(claim, publication, base);
        Review review = ClaimReviews.latestReview(claim.id);
        List<Correction> corrections = PublicationEvent.corrections(claim.id).stream()
                .map(e -> new Correction(e.at, reviews.wording(e.previousStatus), reviews.wording(e.status))).toList();
        FactCheck check = new FactCheck(publication, claim, review, corrections, reviews.wording(claim.status),
                reviews.pageUrl(base, claim, publication));
        return Templates.show(check, JsonLd.forScript(mapper, json));
    }

    @GET
    @Path("fact-checks.atom")
    @Produces("application/atom+xml")
    public TemplateInstance feed(@Context UriInfo uri) {
        List<Publication> entries = Publication.<Publication> find(LIVE_NEWEST_FIRST)
                .range(0, FEED_SIZE - 1).list();
        Instant updated = entries.isEmpty() ? Instant.EPOCH : entries.get(0).publishedAt;
        return Templates.feed(entries.stream().map(this::summary).toList(), reviews.base(uri.getBaseUri().toString()), publishing.organisationName(),
                updated);
    }

    @GET
    @Path("fact-checks.jsonld")
    @Produces("application/ld+json")
    public ObjectNode dataFeed(@Context UriInfo uri) {
        String base = reviews.base(uri.getBaseUri().toString());
        List<Publication> all = Publication.<Publication> find(LIVE_NEWEST_FIRST)
                .list();
        ObjectNode feed = mapper.createObjectNode();
        feed.put("@context", ClaimReviews.CONTEXT);
        feed.put("@type", "DataFeed");
        feed.put("name", publishing.organisationName() + " fact-checks");
        feed.put("url", base + "/fact-checks");
        if (!all.isEmpty()) {
            feed.put("dateModified", all.get(0).publishedAt.toString());
        }
        ArrayNode elements = feed.putArray("dataFeedElement");
        for (Publication p : all) {
            ObjectNode review = reviews.of(p.claim, p, base);
            review.remove("@context"); // the feed's context covers its elements
            elements.add(review);
        }
        return feed;
    }

    private Summary summary(Publication p) {
        return new Summary(p.slug, p.claim.statement, p.claim.source.name, p.claim.status,
                reviews.wording(p.claim.status), p.firstPublishedAt, p.publishedAt);
    }

    private static int number(String page) {
        try {
            int n = Integer.parseInt(page.strip());
            if (n >= 1 && n <= 100_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ClientError.badRequest("The page number must be a whole number from 1.");
    }

    private static ClientError notFound() {
        return ClientError.notFound("There is no published fact-check at this address.");
    }
}
