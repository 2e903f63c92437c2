package org.claimdesk.review;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimEdit;
import org.claimdesk.claim.ClaimRules;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.reviewer.CurrentReviewer;
import org.claimdesk.reviewer.Reviewer;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Stale;

/**
 * Decides claims. A decision sets the claim's status and appends one history entry with the rationale and evidence, in
 * one transaction. It must start from the claim's current version: of two reviewers deciding from the same version,
 * the first wins and the second is refused with 409, so nobody's decision is silently replaced.
 */
@ApplicationScoped
public class Verdicts {

    static final int MAX_RATIONALE = 10_000;
    static final int MAX_EVIDENCE = 20;

    @Inject
    CurrentReviewer me;

    @Inject
    Event<VerdictChanging> changing;

    @Transactional
    public Review decide(long claimId, VerdictInput input) {
        Claim claim = ClaimRules.find(claimId);
        FieldErrors errors = new FieldErrors();
        ClaimStatus status = ClaimStatus.parse(input.status()).orElse(null);
        if (status == null) {
            errors.add("status", "Choose a status: " + String.join(", ", ClaimStatus.names()) + ".");
        }
        String rationale = errors.text("rationale", "a rationale", input.rationale(), MAX_RATIONALE,
                status != null && status.needsRationale());
        List<Evidence> evidence = evidence(input.evidence(), errors);
        if (input.version() == null) {
            errors.add("version", "Say which version of the claim you decided from (the claim's \"version\").");
        }
        if (status == ClaimStatus.unverified && claim.status == ClaimStatus.unverified && rationale == null
                && evidence.isEmpty() && !errors.has("status")) {
            errors.add("status", "The claim is already unverified. Choose verified or disputed, or give a rationale "
                    + "for keeping it open.");
        }
        errors.throwIfAny();
        if (claim.version != input.version() && !onlyBookkeepingSince(claim, input.version())) {
            throw stale(claim);
        }
        changing.fire(new VerdictChanging(claim, status));
        Reviewer reviewer = me.get();
        Review review = new Review();
        review.claim = claim;
        review.reviewer = reviewer;
        review.previousStatus = claim.status;
        review.status = status;
        review.rationale = rationale == null ? "" : rationale;
        review.claimVersion = claim.version;
        for (Evidence item : evidence) {
            item.review = review;
            review.evidence.add(item);
        }
        review.persist();
        claim.status = status;
        claim.decidedAt = review.decidedAt;
        claim.decidedBy = reviewer;
        claim.touchedBy(reviewer);
        Stale.flush(() -> stale(claim));
        return review;
    }

    /**
     * True when nothing that a decision is about changed since {@code version}: no decision was recorded and no edit
     * touched the statement, quote, source or article; only tags, dates or the assignee. Such a decision still stands
     * and is recorded on the current version. Two made at once still meet at the unique (claim, version) index.
     */
    public static boolean onlyBookkeepingSince(Claim claim, long version) {
        if (version > claim.version || version < 0) {
            return false;
        }
        if (Review.count("claim.id = ?1 and claimVersion >= ?2", claim.id, version) > 0) {
            return false;
        }
        List<ClaimEdit> edits = ClaimEdit.list("claim.id = ?1 and (claimVersion is null or claimVersion >= ?2)",
                claim.id, version);
        return edits.stream().allMatch(e -> e.claimVersion != null
                && e.changes.stream().noneMatch(c -> ClaimEdit.SUBSTANTIVE.contains(c.field())));
    }

    public static List<Evidence> evidence(List<VerdictInput.EvidenceInput> items, FieldErrors errors) {
        List<Evidence> evidence = new ArrayList<>();
        if (items == null) {
            return evidence;
        }
        int position = 0;
        for (int index = 0; index < items.size(); index++) {
            VerdictInput.EvidenceInput item = items.get(index);
            if (item == null || item.isBlank()) {
                continue;
            }
            String field = "evidence[" + index + "]"; // the item's place as sent, blanks included
            Evidence e = new Evidence();
            e.position = position++;
            e.url = errors.url(field + ".url", "the evidence link", item.url(), true);
            e.title = errors.text(field + ".title", "a title for the evidence", item.title(), 500, false);
            if (e.title == null && e.url != null && !errors.has(field + ".url")) {
                e.title = URI.create(e.url).getHost(); // untitled: named after its site, as a link list would
            }
            if (e.title == null && !errors.has(field + ".url")) {
                errors.add(field + ".title", "Enter a title for the evidence.");
            }
            e.stance = Stance.parse(item.stance()).orElse(null);
            if (e.stance == null) {
                errors.add(field + ".stance", "Choose what the evidence does: " + String.join(", ", Stance.names()) + ".");
            }
            String note = errors.text(field + ".note", "the evidence note", item.note(), 2000, false);
            e.note = note == null ? "" : note;
            evidence.add(e);
        }
        if (evidence.size() > MAX_EVIDENCE) {
            errors.add("evidence", "Attach at most " + MAX_EVIDENCE + " pieces of evidence to one decision.");
        }
        return evidence;
    }

    private static ClientError stale(Claim claim) {
        return new Stale("claim", claim.id, "This claim changed after you opened it: someone decided or edited it. "
                + "Your decision was not saved; see what changed, and submit yours again if it still stands.");
    }
}
