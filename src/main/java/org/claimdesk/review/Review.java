package org.claimdesk.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.reviewer.Reviewer;
import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * One decision on a claim: who set which status, from which, why, and on what evidence. Appended, never changed;
 * the database refuses updates and deletes.
 */
@Entity
@Table(name = "review")
@Immutable
public class Review extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "claim_id")
    public Claim claim;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reviewer_id")
    public Reviewer reviewer;

    @Enumerated(EnumType.STRING)
    @Column(name = "previous_status")
    public ClaimStatus previousStatus;

    @Enumerated(EnumType.STRING)
    public ClaimStatus status;

    public String rationale = "";

    /** The claim's version the reviewer decided from. */
    @Column(name = "claim_version")
    public long claimVersion;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @OneToMany(mappedBy = "review", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    public List<Evidence> evidence = new ArrayList<>();

    @PrePersist
    void onCreate() {
        if (decidedAt == null) {
            decidedAt = Instant.now();
        }
    }
}
