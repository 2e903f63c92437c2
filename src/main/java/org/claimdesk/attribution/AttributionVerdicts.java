package org.claimdesk.attribution;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimEdit;
import org.claimdesk.claim.ClaimRules;
import org.claimdesk.review.Evidence;
import org.claimdesk.review.VerdictInput;
import org.claimdesk.review.Verdicts;
import org.claimdesk.reviewer.CurrentReviewer;
import org.claimdesk.reviewer.Reviewer;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Stale;

/**
 * Decides whether a claim's source really said it, beside (never instead of) the truth verdict. Like a truth verdict
 * it needs a rationale, may carry evidence, starts from the claim version the reviewer saw, and appends one history
 * entry in the same transaction. A truth decision made meanwhile does not make it stale (the two questions are
 * apart); another attribution decision, or an edit of who said what (statement, quote, source, article, relays,
 * kind), does.
 */
@ApplicationScoped
public class AttributionVerdicts {

    static final int MAX_RATIONALE = 10_000;

    /** Edits after which an attribution decision no longer knows what it is about. */
    static final List<String> SUBSTANTIVE = List.of("statement", "quote", "source", "article", "range",
            Attributions.RELAYS_FIELD, Attributions.KIND_FIELD);

    /** A decision as submitted: the status, why, on what evidence, and the claim version it was made from. */
    public record Input(String status, String rationale, List<VerdictInput.EvidenceInput> evidence, Long version) {
    }

    @Inject
    CurrentReviewer me;

    @Transactional
    public AttributionReview decide(long claimId, Input input) {
        Claim claim = ClaimRules.find(claimId);
        FieldErrors errors = new FieldErrors();
        AttributionStatus status = AttributionStatus.parse(input.status()).orElse(null);
        if (status == null) {
            errors.add("status", "Choose an attribution status: " + String.join(", ", AttributionStatus.names()) + ".");
        }
        String rationale = errors.text("rationale", "a rationale", input.rationale(), MAX_RATIONALE, true);
        List<Evidence> evidence = Verdicts.evidence(input.evidence(), errors);
        if (input.version() == null) {
            errors.add("version", "Say which version of the claim you decided from (the claim's \"version\").");
        }
        errors.throwIfAny();
        if (claim.version != input.version() && !nothingAboutAttributionSince(claim, input.version())) {
            throw stale(claim);
        }
        Reviewer reviewer = me.get();
        AttributionReview review = new AttributionReview();
        review.claim = claim;
        review.reviewer = reviewer;
        review.previousStatus = claim.attributionStatus;
        review.status = status;
        review.rationale = rationale;
        review.claimVersion = claim.version;
        review.evidence = evidence.stream().map(e -> new AttributionReview.Item(e.url, e.title, e.stance.name(),
                e.note)).toList();
        review.persist();
        claim.attributionStatus = status;
        claim.touchedBy(reviewer);
        Stale.flush(() -> stale(claim));
        return review;
    }

    /**
     * True when, since {@code version}, no attribution decision was recorded and no edit changed who said what; truth
     * decisions and bookkeeping edits (tags, dates, assignee) may have happened.
     */
    private static boolean nothingAboutAttributionSince(Claim claim, long version) {
        if (version > claim.version || version < 0) {
            return false;
        }
        if (AttributionReview.count("claim.id = ?1 and claimVersion >= ?2", claim.id, version) > 0) {
            return false;
        }
        List<ClaimEdit> edits = ClaimEdit.list("claim.id = ?1 and (claimVersion is null or claimVersion >= ?2)",
                claim.id, version);
        return edits.stream().allMatch(e -> e.claimVersion != null
                && e.changes.stream().noneMatch(c -> SUBSTANTIVE.contains(c.field())));
    }

    private static ClientError stale(Claim claim) {
        return new Stale("claim", claim.id, "This claim's attribution was decided, or who said what was edited, after "
                + "you opened it. Your attribution decision was not saved; see what changed, and submit it again if it "
                + "still stands.");
    }
}
