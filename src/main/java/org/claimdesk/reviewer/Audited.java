package org.claimdesk.reviewer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;


import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * Something reviewers create and edit: it records who created it and who changed it last, and when, and carries the
 * version that refuses a stale edit. A null creator means Claimdesk itself (the demo data, an import).
 */
@MappedSuperclass
public abstract class Audited extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by", updatable = false)
    public Reviewer createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "updated_by")
    public Reviewer updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** Records {@code by} as the author of the change being made now. */
    public void touchedBy(Reviewer by) {
        if (createdAt == null) {
            createdBy = by;
        }
        updatedBy = by;
    }

    @PrePersist
    void onCreate() {
        if (createdAt == null) {
            createdAt = Instant.now();
        }
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
    }
}
