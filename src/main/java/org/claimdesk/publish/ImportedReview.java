package org.claimdesk.publish;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.claimdesk.claim.Claim;
import org.claimdesk.reviewer.Reviewer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A claim made by a ClaimReview import, under the key of the review it came from; a second import skips it. */
@Entity
@Table(name = "claimreview_import")
public class ImportedReview extends PanacheEntityBase {

    @Id
    @Column(name = "review_key")
    public String key;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "claim_id")
    public Claim claim;

    @Column(name = "imported_at")
    public Instant importedAt;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "imported_by")
    public Reviewer importedBy;

    /** The organisation that published the review (its author.name), when it said. */
    public String organisation;

    /** The day the review was published (its datePublished), when it said. */
    @Column(name = "reviewed_on")
    public LocalDate reviewedOn;
}
