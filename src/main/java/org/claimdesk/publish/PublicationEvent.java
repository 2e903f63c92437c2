package org.claimdesk.publish;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.reviewer.Reviewer;
import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step in a publication's history: published, unpublished, or corrected. Appended, never changed. */
@Entity
@Table(name = "publication_event")
@Immutable
public class PublicationEvent extends PanacheEntityBase {

    /** What was done to the publication. */
    public enum Action {
        published, unpublished, corrected
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "claim_id")
    public Claim claim;

    public Instant at;

    @Enumerated(EnumType.STRING)
    public Action action;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reviewer_id")
    public Reviewer reviewer;

    /** For a correction, the verdict the public saw before it. */
    @Enumerated(EnumType.STRING)
    @Column(name = "previous_status")
    public ClaimStatus previousStatus;

    /** The verdict published by this step. */
    @Enumerated(EnumType.STRING)
    public ClaimStatus status;

    static void record(Claim claim, Action action, Reviewer reviewer, ClaimStatus previous, Instant at) {
        PublicationEvent event = new PublicationEvent();
        event.claim = claim;
        event.at = at;
        event.action = action;
        event.reviewer = reviewer;
        event.previousStatus = previous;
        event.status = claim.status;
        event.persist();
    }

    /** The corrections of a claim's verdict, oldest first: what the public page lists as "Updated on …: was …". */
    public static List<PublicationEvent> corrections(long claimId) {
        return list("claim.id = ?1 and action = ?2 order by at, id", claimId, Action.corrected);
    }
}
