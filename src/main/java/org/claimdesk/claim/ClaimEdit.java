package org.claimdesk.claim;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import org.claimdesk.reviewer.Reviewer;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** One edit of a claim's fields, kept for good: who, when, and each field's value before and after. */
@Entity
@Table(name = "claim_edit")
@Immutable
public class ClaimEdit extends PanacheEntity {

    /** One changed field. Values are shown as text; null means empty. */
    public record Change(String field, String from, String to) {
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "claim_id")
    public Claim claim;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reviewer_id")
    public Reviewer reviewer;

    @Column(name = "edited_at")
    public Instant editedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Change> changes;

    /** The claim's version this edit was made from. */
    @Column(name = "claim_version")
    public Long claimVersion;

    /** The fields whose change alters what a decision is about. */
    public static final Set<String> SUBSTANTIVE = Set.of("statement", "quote", "source",
            "article", "range");

    @PrePersist
    void onCreate() {
        editedAt = Instant.now();
    }
}
