package org.claimdesk.workflow;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import org.claimdesk.claim.Claim;
import org.claimdesk.reviewer.Reviewer;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * A claim put into someone's queue beside what is assigned to them: by a note that mentions them (until they open
 * the claim) or by a decision of theirs sent back (until the claim is decided again).
 */
@Entity
@Table(name = "claim_queue_item")
public class QueueItem extends PanacheEntity {

    public static final String MENTION = "mention";
    public static final String SENT_BACK = "sent_back";

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "claim_id")
    public Claim claim;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reviewer_id")
    public Reviewer reviewer;

    public String reason;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "note_id")
    public Note note;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "approval_id")
    public Approval approval;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "cleared_at")
    public Instant clearedAt;

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
    }
}
