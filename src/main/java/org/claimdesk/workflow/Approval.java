package org.claimdesk.workflow;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import org.claimdesk.claim.Claim;
import org.claimdesk.review.Review;
import org.claimdesk.reviewer.Reviewer;
import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * A second reviewer's answer to one decision: approved, or sent back with a note. It names the claim version it was
 * given on. Appended, never changed; the database refuses updates, deletes and the decider's own answer.
 */
@Entity
@Table(name = "claim_approval")
@Immutable
public class Approval extends PanacheEntity {

    /** What the second reviewer did with the decision. */
    public enum Action {
        approved("approved the decision"), sent_back("sent the decision back");

        private final String phrase;

        Action(String phrase) {
            this.phrase = phrase;
        }

        public String phrase() {
            return phrase;
        }
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "claim_id")
    public Claim claim;

    /** The decision answered. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "review_id")
    public Review review;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reviewer_id")
    public Reviewer reviewer;

    @Enumerated(EnumType.STRING)
    public Action action;

    public String note = "";

    /** The claim's version the answer was given on. */
    @Column(name = "claim_version")
    public long claimVersion;

    public Instant at;

    public boolean isApproved() {
        return action == Action.approved;
    }

    @PrePersist
    void onCreate() {
        at = Instant.now();
    }
}
