package org.claimdesk.publish;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.claimdesk.article.Article;
import org.claimdesk.attribution.AttributionStatus;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.review.Evidence;
import org.claimdesk.review.Review;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.system.ClaimdeskConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Describes decided claims as schema.org ClaimReview, with the fields Google's fact-check markup asks for. The rating
 * scale is declared in every review: 1 (disputed), 2 (unverified), 3 (verified).
 */
@ApplicationScoped
public class ClaimReviews {

    public static final String CONTEXT = "https://schema.org";
    public static final int WORST = 1;
    public static final int BEST = 3;
    /** The published wording of a claim whose source never said it (issue 19). */
    public static final String MISATTRIBUTED = "Misattributed";

    @Inject
    ClaimdeskConfig config;

    @Inject
    ObjectMapper mapper;

    /** The rating value of a status on the declared scale. */
    public static int ratingValue(ClaimStatus status) {
        return switch (status) {
            case disputed -> 1;
            case unverified -> 2;
            case verified -> 3;
        };
    }

    /** The verdict wording published for a status, as configured. */
    public String wording(ClaimStatus status) {
        ClaimdeskConfig.Publish.Rating rating = config.publish().rating();
        return switch (status) {
            case verified -> rating.verified();
            case disputed -> rating.disputed();
            case unverified -> rating.unverified();
        };
    }

    /** The public address of the desk without a trailing slash: the configured one, or {@code requestBase}'s. */
    public String base(String requestBase) {
        String base = config.publish().baseUrl().orElse(requestBase);
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String pageUrl(String base, Claim claim, Publication publication) {
        return base + "/fact-checks/" + (publication == null ? Publication.slugFor(claim) : publication.slug);
    }

    /** The organisation that publishes the reviews. */
    public ObjectNode organisation(String base) {
        ObjectNode org = mapper.createObjectNode();
        org.put("@type", "Organization");
        org.put("name", config.organisation().name());
        org.put("url", config.organisation().url().orElse(base + "/fact-checks"));
        return org;
    }

    /**
     * The ClaimReview of a decided claim; {@code publication} is null for one never published, whose url is then the
     * address it will get and whose date is its decision's.
     */
    public ObjectNode of(Claim claim, Publication publication, String base) {
        Review review = latestReview(claim.id);
        List<PublicationEvent> corrections = publication == null ? List.of() : PublicationEvent.corrections(claim.id);
        ObjectNode json = mapper.createObjectNode();
        json.put("@context", CONTEXT);
        json.put("@type", "ClaimReview");
        json.put("url", pageUrl(base, claim, publication));
        json.put("claimReviewed", claim.statement);
        Instant published = publication != null ? publication.firstPublishedAt
                : claim.decidedAt != null ? claim.decidedAt : claim.createdAt;
        json.put("datePublished", day(published).toString());
        if (!corrections.isEmpty()) {
            json.put("dateModified", day(corrections.get(corrections.size() - 1).at).toString());
        }
        json.set("author", organisation(base));
        json.set("publisher", organisation(base));
        if (review != null && !review.rationale.isBlank()) {
            json.put("reviewBody", review.rationale);
        }
        ObjectNode rating = json.putObject("reviewRating");
        rating.put("@type", "Rating");
        rating.put("ratingValue", ratingValue(claim.status));
        rating.put("bestRating", BEST);
        rating.put("worstRating", WORST);
        rating.put("alternateName", wording(claim.status));
        if (claim.attributionStatus == AttributionStatus.misattributed) {
            // the source never said it: the attribution as reported is the worst rating, whatever the words' truth
            rating.put("ratingValue", WORST);
            rating.put("alternateName", MISATTRIBUTED);
        }
        json.set("itemReviewed", itemReviewed(claim));
        if (review != null && !review.evidence.isEmpty()) {
            ArrayNode citations = json.putArray("citation");
            for (Evidence e : review.evidence) {
                citations.addObject().put("@type", "CreativeWork").put("url", e.url).put("name", e.title);
            }
        }
        return json;
    }

    /** The decision behind a claim's current status, or null for a claim never decided. */
    public static Review latestReview(long claimId) {
        return Review.<Review> find("claim.id = ?1 order by decidedAt desc, id desc", claimId).firstResult();
    }

    private ObjectNode itemReviewed(Claim claim) {
        ObjectNode item = mapper.createObjectNode();
        item.put("@type", "Claim");
        item.set("author", claimant(claim.source));
        if (claim.claimDate != null) {
            item.put("datePublished", claim.claimDate.toString());
        }
        Article article = claim.article;
        if (article != null) {
            ObjectNode appearance = mapper.createObjectNode();
            appearance.put("@type", "CreativeWork");
            if (article.url != null) {
                appearance.put("url", article.url);
            }
            appearance.put("headline", article.title);
            if (article.publishedOn != null) {
                appearance.put("datePublished", article.publishedOn.toString());
            }
            if (article.publisher != null) {
                appearance.set("publisher", claimant(article.publisher));
            }
            item.set("appearance", appearance);
            item.set("firstAppearance", appearance.deepCopy());
        }
        return item;
    }

    /** A source as the author of a claim: a Person for people, an Organization for everyone else. */
    private ObjectNode claimant(Source source) {
        ObjectNode author = mapper.createObjectNode();
        author.put("@type", source.kind == SourceKind.person ? "Person" : "Organization");
        author.put("name", source.name);
        if (source.website != null) {
            author.put("sameAs", source.website);
        }
        return author;
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
