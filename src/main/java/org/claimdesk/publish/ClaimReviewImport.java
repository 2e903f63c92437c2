package org.claimdesk.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.claimdesk.match.ClaimVectors;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.review.Stance;
import org.claimdesk.review.VerdictInput;
import org.claimdesk.review.Verdicts;
import org.claimdesk.reviewer.CurrentReviewer;
import org.claimdesk.reviewer.Reviewer;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.source.SourceRules;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Stale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads other fact-checkers' ClaimReview (one review, a list of them, or a DataFeed) into claims, in one transaction.
 * Each review becomes a claim by its claimant (a source matched by name or alias, or created), with the status its
 * rating maps to through {@link RatingMapping} and the rating's own words kept. A review imported before (same url,
 * or without one the same claim by the same claimant) is skipped, so importing a file twice changes nothing. Every
 * item is checked before anything is written for it, so a rejected item leaves no trace and the others still import.
 */
@ApplicationScoped
public class ClaimReviewImport {

    static final int MAX_STATEMENT = 4000;
    static final int MAX_RATIONALE = 10_000;
    static final int MAX_ITEMS = 10_000;
    static final LocalDate EARLIEST = LocalDate.of(1800, 1, 1);

    /** What became of the items of one import; {@code index} counts items from 0 in the order found. */
    public record Report(int imported, int skipped, List<Rejection> rejected) {
    }

    public record Rejection(int index, String reason) {
    }

    /** One review, checked and ready to store. */
    private record Item(String key, String statement, String claimant, SourceKind kind, String website,
            LocalDate claimDate, ClaimStatus status, String rating, String rationale, String url, String reviewer,
            LocalDate reviewedOn) {
    }

    @Inject
    CurrentReviewer me;

    @Inject
    Verdicts verdicts;

    @Inject
    ClaimVectors vectors;

    @Transactional
    public Report run(JsonNode document) {
        List<JsonNode> items = items(document);
        if (items.size() > MAX_ITEMS) {
            throw ClientError.badRequest("At most " + MAX_ITEMS + " reviews can be imported at once; this document "
                    + "holds " + items.size() + ". Split it.");
        }
        int imported = 0;
        int skipped = 0;
        List<Rejection> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < items.size(); index++) {
            Item item;
            try {
                item = check(items.get(index));
            } catch (ClientError refused) {
                rejected.add(new Rejection(index, refused.getMessage()));
                continue;
            }
            if (!seen.add(item.key) || ImportedReview.findByIdOptional(item.key).isPresent()) {
                skipped++;
                continue;
            }
            Optional<Source> source = source(item);
            if (source.isEmpty()) {
                rejected.add(new Rejection(index, "The claimant \"" + item.claimant + "\" is another name of "
                        + "several sources; merge them or import with the full name of one."));
                continue;
            }
            store(item, source.get());
            imported++;
        }
        // an import of the same reviews, or a new source of the same name, committed meanwhile: refuse it whole
        Stale.flush(() -> ClientError.conflict("Another import or edit stored some of these reviews or claimants at "
                + "the same moment, so nothing was imported. Import the document again: what is there now is skipped."));
        return new Report(imported, skipped, rejected);
    }

    /** The reviews of a document: itself, the members of a list or @graph, or a DataFeed's elements. */
    static List<JsonNode> items(JsonNode document) {
        List<JsonNode> items = new ArrayList<>();
        if (document == null) {
            return items;
        }
        if (document.isArray()) {
            document.forEach(node -> items.addAll(items(node)));
        } else if (document.has("@graph")) {
            items.addAll(items(document.get("@graph")));
        } else if (isType(document, "DataFeed")) {
            JsonNode elements = document.path("dataFeedElement");
            (elements.isArray() ? elements : List.of(elements)).forEach(element -> items.add(
                    isType(element, "DataFeedItem") && element.has("item") ? element.get("item") : element));
        } else {
            items.add(document);
        }
        return items;
    }

    private Item check(JsonNode node) {
        if (!node.isObject() || !isType(node, "ClaimReview")) {
            throw ClientError.badRequest("Not a ClaimReview (its @type is " + describe(node.path("@type")) + ").");
        }
        FieldErrors errors = new FieldErrors();
        String statement = errors.text("claimReviewed", "the claim (claimReviewed)", text(node.path("claimReviewed")),
                MAX_STATEMENT, true);
        JsonNode claimed = node.path("itemReviewed");
        JsonNode author = first(claimed.path("author"));
        String claimant = errors.text("itemReviewed.author.name", "the claimant (itemReviewed.author.name)",
                author.isTextual() ? author.asText() : text(author.path("name")), SourceRules.MAX_NAME, true);
        String website = errors.url("itemReviewed.author.sameAs", "the claimant's website (sameAs)",
                text(first(author.path("sameAs"))), false);
        String url = errors.url("url", "the review's address (url)", text(node.path("url")), false);
        JsonNode rating = node.path("reviewRating");
        String wording = errors.text("reviewRating.alternateName", "the rating's wording",
                text(rating.path("alternateName")), 200, false);
        String reviewBody = errors.text("reviewBody", "the review's text", text(node.path("reviewBody")),
                MAX_RATIONALE, false);
        String reviewer = errors.text("author.name", "the fact-checker's name", text(first(node.path("author"))
                .path("name")), 200, false);
        errors.throwIfAny();

        ClaimStatus status = null;
        String original = wording;
        if (wording != null) {
            status = RatingMapping.statusFor(wording).orElse(null);
        }
        if (status == null && rating.has("ratingValue")) {
            status = onScale(rating);
            if (original == null) {
                original = text(rating.path("ratingValue")) + " of " + plain(scale(rating, "worstRating", 1)) + "–"
                        + plain(scale(rating, "bestRating", 5));
            }
        }
        if (status == null) {
            throw ClientError.badRequest(wording == null ? "The review has no rating: neither reviewRating.alternateName "
                    + "nor a ratingValue on a scale." : "The rating \"" + wording + "\" is not in the rating mapping; "
                    + "an admin can add it on the rating mapping page.");
        }
        String key = url != null ? url : "claim:" + sha256(RatingMapping.normalize(statement) + "\n"
                + RatingMapping.normalize(claimant));
        String rationale = reviewBody != null ? reviewBody : "Imported from " + (reviewer == null ? "another "
                + "fact-checker" : reviewer) + "'s ClaimReview" + (url == null ? "" : " (" + url + ")")
                + ", which rates it \"" + original + "\".";
        return new Item(key, statement, claimant, "Person".equals(first(author.path("@type")).asText())
                ? SourceKind.person : SourceKind.other, website, date(claimed.path("datePublished")), status,
                original, rationale, url, reviewer, date(node.path("datePublished")));
    }

    /**
     * A rating value on its declared scale (schema.org's default is 1 to 5): the top third is verified, the bottom
     * third disputed, the middle unverified.
     */
    static ClaimStatus onScale(JsonNode rating) {
        Double value = number(rating.path("ratingValue"));
        double worst = scale(rating, "worstRating", 1);
        double best = scale(rating, "bestRating", 5);
        if (value == null || best == worst || value < Math.min(worst, best) || value > Math.max(worst, best)) {
            return null;
        }
        double position = (value - worst) / (best - worst);
        return position >= 2.0 / 3 ? ClaimStatus.verified : position <= 1.0 / 3 ? ClaimStatus.disputed
                : ClaimStatus.unverified;
    }

    private Optional<Source> source(Item item) {
        Optional<Source> named = Source.findByName(item.claimant);
        if (named.isPresent()) {
            return named;
        }
        List<Source> byAlias = Source.named(item.claimant);
        if (byAlias.size() > 1) {
            return Optional.empty();
        }
        if (byAlias.size() == 1) {
            return Optional.of(byAlias.get(0));
        }
        Source source = new Source();
        source.name = item.claimant;
        source.kind = item.kind;
        source.website = item.website;
        source.touchedBy(me.get());
        source.persist();
        return Optional.of(source);
    }

    private void store(Item item, Source source) {
        Reviewer reviewer = me.get();
        Claim claim = new Claim();
        claim.statement = item.statement;
        claim.source = source;
        claim.claimDate = item.claimDate;
        claim.originalRating = item.rating;
        claim.touchedBy(reviewer);
        claim.persist();
        vectors.store(claim.id, claim.statement);
        if (item.status != ClaimStatus.unverified) {
            List<VerdictInput.EvidenceInput> evidence = item.url == null ? List.of()
                    : List.of(new VerdictInput.EvidenceInput(item.url, item.reviewer == null ? null
                            : item.reviewer.length() > 500 ? item.reviewer.substring(0, 500) : item.reviewer,
                            (item.status == ClaimStatus.verified ? Stance.supports : Stance.refutes).name(),
                            "Rated \"" + item.rating + "\"" ));
            verdicts.decide(claim.id, new VerdictInput(item.status.name(), item.rationale, evidence, claim.version));
        }
        ImportedReview record = new ImportedReview();
        record.key = item.key;
        record.claim = claim;
        record.importedAt = Instant.now();
        record.importedBy = reviewer;
        record.organisation = item.reviewer;
        record.reviewedOn = item.reviewedOn;
        record.persist();
    }

    static boolean isType(JsonNode node, String type) {
        JsonNode types = node.path("@type");
        if (types.isArray()) {
            for (JsonNode t : types) {
                if (isType(t.asText(), type)) {
                    return true;
                }
            }
            return false;
        }
        return types.isTextual() && isType(types.asText(), type);
    }

    private static boolean isType(String value, String type) {
        return value.equals(type) || value.equals("schema:" + type) || value.equals("http://schema.org/" + type)
                || value.equals("https://schema.org/" + type);
    }

    private static JsonNode first(JsonNode node) {
        return node.isArray() && !node.isEmpty() ? node.get(0) : node;
    }

    private static String text(JsonNode node) {
        return node.isTextual() || node.isNumber() ? node.asText() : null;
    }

    private static String describe(JsonNode type) {
        return type.isMissingNode() || type.isNull() ? "missing" : type.toString();
    }

    private static Double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return node.isTextual() ? Double.valueOf(node.asText().strip()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double scale(JsonNode rating, String field, double fallback) {
        Double value = number(rating.path(field));
        return value == null ? fallback : value;
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }

    /** The claim's date when it is a plausible one (1800 to today), else none: it is optional. */
    private static LocalDate date(JsonNode node) {
        String text = text(node);
        if (text == null || text.length() < 10) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.substring(0, 10));
            return date.isBefore(EARLIEST) || date.isAfter(LocalDate.now(ZoneOffset.UTC)) ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
