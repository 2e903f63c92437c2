package org.claimdesk.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;

import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimAddenda;
import org.claimdesk.claim.ClaimDetails;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.reviewer.CurrentReviewer;
import org.claimdesk.system.ClaimdeskConfig;

/**
 * What pages show of the workflow, as {@code inject:workflow} in templates: a claim's approvals and notes, my queue's
 * mentions and sendings-back, the decisions awaiting my approval, the public page's "reviewed by" line. It also adds
 * approvals to a claim's history and approvals and notes to its JSON.
 */
@Named("workflow")
@ApplicationScoped
public class Workflow implements ClaimAddenda {

    static final int SHORT_LIST = 10;

    @Inject
    ApprovalRules approvals;

    @Inject
    CurrentReviewer me;

    @Inject
    EntityManager em;

    @Inject
    ClaimdeskConfig config;

    /** An answer as the API shows it; {@code current} when it answers the claim's current decision and stands. */
    public record ApprovalJson(String action, String reviewer, Instant at, long claimVersion, String note,
            boolean current) {
    }

    public record NoteJson(long id, String author, Instant at, String text) {
        static NoteJson of(Note n) {
            return new NoteJson(n.id, n.author.username, n.createdAt, n.text);
        }
    }

    /** A claim in my queue because of a note or a sending-back, with who did it and what they wrote. */
    public record QueueEntry(long claimId, String statement, ClaimStatus status, String reason, String by,
            String text, Instant at) {

        public boolean isSentBack() {
            return reason.equals(QueueItem.SENT_BACK);
        }
    }

    /** A decision waiting for a second reviewer. */
    public record Awaiting(long claimId, String statement, ClaimStatus status, String decider, Instant decidedAt) {
    }

    /** When a list was shown, for the bulk form's check of claims changed since. */
    public Instant getNow() {
        return Instant.now();
    }

    /** Whom the bulk form assigns to: active reviewers and administrators. */
    public List<org.claimdesk.reviewer.Assignee> getAssignees() {
        return org.claimdesk.reviewer.Reviewer.assignees();
    }

    public List<org.claimdesk.claim.Priority> getPriorities() {
        return List.of(org.claimdesk.claim.Priority.values());
    }

    public boolean isRequired() {
        return approvals.required();
    }

    public ApprovalRules.Standing standing(Claim claim) {
        return approvals.standing(claim);
    }

    /** The signed-in account, to whom a refusal is worded. */
    public org.claimdesk.reviewer.Reviewer getViewer() {
        return me.get();
    }

    public List<Note> notes(Long claimId) {
        return NoteRules.of(claimId);
    }

    /** Every answer on the claim, oldest first, with the reviewer and the decision it answered. */
    public static List<Approval> answers(long claimId) {
        return Approval.<Approval> find("select a from Approval a join fetch a.reviewer join fetch a.review r "
                + "join fetch r.reviewer where a.claim.id = ?1 order by a.at, a.id", claimId).list();
    }

    /** The open mentions and sendings-back of the signed-in reviewer, newest first. */
    public List<QueueEntry> myQueue() {
        List<QueueItem> items = QueueItem.<QueueItem> find("select q from QueueItem q join fetch q.claim c "
                + "left join fetch q.note n left join fetch n.author left join fetch q.approval a "
                + "left join fetch a.reviewer where q.reviewer.id = ?1 and q.clearedAt is null "
                + "order by q.createdAt desc, q.id desc", me.id()).page(0, SHORT_LIST).list();
        return items.stream().map(q -> q.note != null
                ? new QueueEntry(q.claim.id, q.claim.statement, q.claim.status, q.reason, q.note.author.username,
                        q.note.text, q.createdAt)
                : new QueueEntry(q.claim.id, q.claim.statement, q.claim.status, q.reason, q.approval.reviewer.username,
                        q.approval.note, q.createdAt)).toList();
    }

    /**
     * Decided claims that someone else decided, that nobody has answered yet and that are not online, latest
     * decision first: read from the latest-decision index, so it costs what the page shows.
     */
    public List<Awaiting> awaitingMyApproval() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT c.id, c.statement, c.status, u.username, r.decided_at "
                + "FROM claim c JOIN LATERAL (SELECT r.id, r.reviewer_id, r.decided_at FROM review r "
                + "WHERE r.claim_id = c.id ORDER BY r.decided_at DESC, r.id DESC LIMIT 1) r ON true "
                + "JOIN reviewer u ON u.id = r.reviewer_id WHERE c.status <> 'unverified' AND r.reviewer_id <> :me "
                + "AND NOT EXISTS (SELECT 1 FROM claim_approval a WHERE a.review_id = r.id) "
                + "AND NOT EXISTS (SELECT 1 FROM publication p WHERE p.claim_id = c.id AND p.published_at IS NOT NULL) "
                + "ORDER BY coalesce(c.decided_at, '-infinity'::timestamptz) DESC, c.id DESC LIMIT " + SHORT_LIST)
                .setParameter("me", me.id()).getResultList();
        return rows.stream().map(r -> new Awaiting(((Number) r[0]).longValue(), (String) r[1],
                ClaimStatus.valueOf((String) r[2]), (String) r[3], instant(r[4]))).toList();
    }

    /**
     * The public page's line on who checked the published decision: "Reviewed by two fact-checkers" when a second
     * reviewer approved it, with their names only where the organisation chose so; null otherwise.
     */
    public String reviewedBy(Claim claim) {
        ApprovalRules.Standing standing = approvals.standing(claim);
        if (!standing.isAnswerable() || !standing.isApproved()) {
            return null;
        }
        if (config.publish().nameReviewers()) {
            return "Reviewed by two fact-checkers: " + standing.decision().reviewer.username + " and "
                    + standing.latest().reviewer.username + ".";
        }
        return "Reviewed by two fact-checkers.";
    }

    @Override
    public List<ClaimDetails.Event> history(long claimId) {
        List<ClaimDetails.Event> events = new ArrayList<>();
        for (Approval a : answers(claimId)) {
            String action = a.action.phrase() + " of " + a.review.reviewer.username + " (" + a.review.status.label()
                    + ", claim version " + a.claimVersion + ")"
                    + (a.isApproved() ? "" : ", back to " + a.review.reviewer.username + "'s queue");
            events.add(new ClaimDetails.Event(a.action == Approval.Action.approved ? "approved" : "sent-back", a.at,
                    a.reviewer.username, null, null, null, new ClaimDetails.Event.Addendum(action, a.note)));
        }
        return events;
    }

    @Override
    public Map<String, Object> json(long claimId) {
        Claim claim = Claim.findById(claimId);
        ApprovalRules.Standing standing = approvals.standing(claim);
        Approval standingOne = standing.isApproved() || standing.isSentBack() ? standing.latest() : null;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("approvals", answers(claimId).stream().map(a -> new ApprovalJson(a.action.name(),
                a.reviewer.username, a.at, a.claimVersion, a.note, standingOne != null && a.id.equals(standingOne.id)))
                .toList());
        fields.put("notes", NoteRules.of(claimId).stream().map(NoteJson::of).toList());
        return fields;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return value == null ? null : ((java.sql.Timestamp) value).toInstant();
    }
}
