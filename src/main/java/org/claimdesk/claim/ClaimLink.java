package org.claimdesk.claim;

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

import org.claimdesk.reviewer.Reviewer;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * Two claims a reviewer judged to be the same claim or to contradict each other; stored once, lower id first. Removed
 * links stay, marked removed.
 */
@Entity
@Table(name = "claim_link")
public class ClaimLink extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "claim_id")
    public Claim claim;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "other_id")
    public Claim other;

    @Enumerated(EnumType.STRING)
    public LinkKind kind;

    public String note = "";

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by")
    public Reviewer createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Set when a reviewer removes the link; the row stays, as history. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "removed_by")
    public Reviewer removedBy;

    @Column(name = "removed_at")
    public Instant removedAt;

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
    }
}
