package org.claimdesk.attribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
import org.claimdesk.reviewer.Reviewer;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * One attribution decision: who said the source did (or did not) say it, why, and on what evidence. Appended, never
 * changed; the database refuses updates and deletes.
 */
@Entity
@Table(name = "attribution_review")
@Immutable
public class AttributionReview extends PanacheEntity {

    /** A piece of evidence, kept inside the decision as it was given. */
    public record Item(String url, String title, String stance, String note) {
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "claim_id")
    public Claim claim;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reviewer_id")
    public Reviewer reviewer;

    @Enumerated(EnumType.STRING)
    @Column(name = "previous_status")
    public AttributionStatus previousStatus;

    @Enumerated(EnumType.STRING)
    public AttributionStatus status;

    public String rationale;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Item> evidence = new ArrayList<>();

    @Column(name = "claim_version")
    public long claimVersion;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @PrePersist
    void onCreate() {
        if (decidedAt == null) {
            decidedAt = Instant.now();
        }
    }
}
