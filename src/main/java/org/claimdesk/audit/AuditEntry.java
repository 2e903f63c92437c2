package org.claimdesk.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.claimdesk.reviewer.Reviewer;
import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One admin action in the audit log: who did what to which account, source or setting. Appended in the same
 * transaction as the action itself, never changed.
 */
@Entity
@Table(name = "audit_log")
@Immutable
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Instant at;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "actor_id")
    public Reviewer actor;

    /** A short, stable name such as {@code account.created}, {@code source.merged}, {@code rating.changed}. */
    public String action;

    /** What the action was done to, as a reader would name it: an account's username, a source's name. */
    public String target;

    public String detail;

    /** Records an action; call it inside the transaction that performs the action. */
    public static AuditEntry record(Reviewer actor, String action, String target, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.at = Instant.now();
        entry.actor = actor;
        entry.action = action;
        entry.target = target == null ? "" : target;
        entry.detail = detail == null ? "" : detail;
        entry.persist();
        return entry;
    }
}
