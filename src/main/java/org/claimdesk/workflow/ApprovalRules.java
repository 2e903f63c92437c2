package org.claimdesk.workflow;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimRules;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.publish.PublicationStarting;
import org.claimdesk.review.Review;
import org.claimdesk.review.VerdictChanging;
import org.claimdesk.review.Verdicts;
import org.claimdesk.reviewer.CurrentReviewer;
import org.claimdesk.reviewer.Reviewer;
import org.claimdesk.system.ClaimdeskConfig;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Stale;

/**
 * The second pair of eyes. A reviewer who did not make a claim's current decision approves it, or sends it back to
 * the decider with a note. An answer names the claim version it was given on: a later decision, or an edit of what
 * the decision is about (statement, quote, source, article), leaves it behind, as it does a verdict form; edits of
 * tags, assignee or priority do not. With {@code claimdesk.publish.require-approval} on, a claim is published only
 * while its current decision's latest answer is a standing approval.
 */
@ApplicationScoped
public class ApprovalRules {

    static final int MAX_NOTE = 10_000;

    @Inject
    CurrentReviewer me;

    @Inject
    ClaimdeskConfig config;

    @Inject
    EntityManager em;

    /** Where a claim's current decision stands with its second reviewers. */
    public record Standing(Claim claim, Review decision, List<Approval> answers, boolean required) {

        /** The latest answer to the current decision, or null. */
        public Approval latest() {
            return answers.isEmpty() ? null : answers.get(answers.size() - 1);
        }

        /** True when the latest answer approves the decision and nothing it approved has changed since. */
        public boolean isApproved() {
            Approval latest = latest();
            return latest != null && latest.isApproved() && Verdicts.onlyBookkeepingSince(claim, latest.claimVersion);
        }

        /** An approval that an edit of the statement, quote, source or article has left behind. */
        public boolean isVoided() {
            Approval latest = latest();
            return latest != null && latest.isApproved() && !isApproved();
        }

        public boolean isSentBack() {
            Approval latest = latest();
            return latest != null && !latest.isApproved();
        }

        /** Whether there is a decision a second reviewer could answer. */
        public boolean isAnswerable() {
            return decision != null && claim.status != ClaimStatus.unverified;
        }

        /** Why the claim cannot be published now, or null when it can (as far as approval goes). */
        public String refusal(Reviewer viewer) {
            if (!required || !isAnswerable() || isApproved()) {
                return null;
            }
            String prefix = "This desk publishes a decision only once a reviewer who did not make it has approved it. ";
            if (isSentBack()) {
                return prefix + latest().reviewer.username + " sent " + owner(viewer) + " decision back: \""
                        + latest().note + "\" Decide the claim again, then ask for a new approval.";
            }
            if (isVoided()) {
                return prefix + latest().reviewer.username + " approved version " + latest().claimVersion
                        + ", but the claim's statement, quote, source or article has been edited since. It needs "
                        + "approving again.";
            }
            boolean mine = viewer != null && decision.reviewer.id.equals(viewer.id);
            return prefix + (mine ? "You made the current decision (" + decision.status.label() + "), so another "
                    + "reviewer must approve it on this claim's page before you publish."
                    : "Nobody has approved " + decision.reviewer.username + "'s decision ("
                            + decision.status.label() + ") yet.");
        }

        private String owner(Reviewer viewer) {
            return viewer != null && decision.reviewer.id.equals(viewer.id) ? "your" : decision.reviewer.username + "'s";
        }
    }

    /** The current decision's standing, read in two queries. */
    public Standing standing(Claim claim) {
        Review decision = Review.<Review> find("select r from Review r join fetch r.reviewer where r.claim.id = ?1 "
                + "order by r.decidedAt desc, r.id desc", claim.id).firstResult();
        List<Approval> answers = decision == null ? List.of()
                : Approval.<Approval> find("select a from Approval a join fetch a.reviewer where a.review.id = ?1 "
                        + "order by a.at, a.id", decision.id).list();
        return new Standing(claim, decision, answers, config.publish().requireApproval());
    }

    public boolean required() {
        return config.publish().requireApproval();
    }

    /**
     * Approves the claim's current decision, or with {@code sendBack} returns it to the decider's queue with
     * {@code note}. {@code version} is the claim version the answer was made from.
     */
    @Transactional
    public Approval answer(long claimId, Long version, boolean sendBack, String note) {
        Claim claim = ClaimRules.find(claimId);
        FieldErrors errors = new FieldErrors();
        String text = errors.text("note", "a note for the decider", note, MAX_NOTE, sendBack);
        if (version == null) {
            errors.add("version", "Say which version of the claim you read (the claim's \"version\").");
        }
        errors.throwIfAny();
        Standing standing = standing(claim);
        if (!standing.isAnswerable()) {
            throw ClientError.conflict("This claim is unverified: there is no decision to approve or send back yet.");
        }
        if (claim.version != version && !Verdicts.onlyBookkeepingSince(claim, version)) {
            throw stale(claim);
        }
        Reviewer reviewer = me.get();
        Review decision = standing.decision();
        if (decision.reviewer.id.equals(reviewer.id)) {
            throw new ClientError(403, "You made this decision (" + decision.status.label() + "), so you cannot "
                    + (sendBack ? "send it back" : "approve it") + " yourself: a second pair of eyes means a "
                    + "reviewer who did not make it. Ask a colleague to approve it.");
        }
        if (standing.answers().stream().anyMatch(a -> a.reviewer.id.equals(reviewer.id))) {
            throw ClientError.conflict("You already answered this decision. A new decision on the claim can be "
                    + "answered again.");
        }
        Approval approval = new Approval();
        approval.claim = claim;
        approval.review = decision;
        approval.reviewer = reviewer;
        approval.action = sendBack ? Approval.Action.sent_back : Approval.Action.approved;
        approval.note = text == null ? "" : text;
        approval.claimVersion = claim.version;
        approval.persist();
        if (sendBack) {
            QueueItem item = new QueueItem();
            item.claim = claim;
            item.reviewer = decision.reviewer;
            item.reason = QueueItem.SENT_BACK;
            item.approval = approval;
            item.persist();
        }
        Stale.flush(() -> ClientError.conflict("Someone answered this decision at the same moment; reload the claim."));
        return approval;
    }

    /** With approval required, a claim goes online only with a standing approval of its current decision. */
    void requireApproval(@Observes PublicationStarting starting) {
        if (!required()) {
            return;
        }
        if (starting.correction()) {
            throw ClientError.conflict("This desk publishes a decision only once a reviewer who did not make it has "
                    + "approved it, and a correction is a new decision. Unpublish the fact-check, record the new "
                    + "decision, have it approved, then publish it again.");
        }
        String refusal = standing(starting.claim()).refusal(me.get());
        if (refusal != null) {
            throw ClientError.conflict(refusal);
        }
    }

    /** A new decision answers a sending-back: it leaves the decider's queue with it. */
    void decidedAgain(@Observes VerdictChanging change) {
        em.createQuery("update QueueItem q set q.clearedAt = :now where q.claim.id = :claim and q.reason = :reason "
                + "and q.clearedAt is null").setParameter("now", Instant.now())
                .setParameter("claim", change.claim().id).setParameter("reason", QueueItem.SENT_BACK).executeUpdate();
    }

    private static ClientError stale(Claim claim) {
        return new Stale("claim", claim.id, "This claim changed after you opened it: someone decided it again or "
                + "edited what the decision is about. Your answer was not saved; read the claim as it is now and "
                + "answer again.");
    }
}
