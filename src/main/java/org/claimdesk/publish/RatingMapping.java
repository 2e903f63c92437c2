package org.claimdesk.publish;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.reviewer.Reviewer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One line of the table that maps another fact-checker's verdict wording ("Pants on Fire", "Mostly true") onto the
 * desk's three statuses. ClaimReview and table imports read it; admins edit it.
 */
@Entity
@Table(name = "rating_mapping")
public class RatingMapping extends PanacheEntityBase {

    @Id
    public String label;

    @Enumerated(EnumType.STRING)
    public ClaimStatus status;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "updated_by")
    public Reviewer updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The form a rating is looked up by: lower case, single spaces, no surrounding punctuation. */
    public static String normalize(String rating) {
        if (rating == null) {
            return "";
        }
        String spaced = rating.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return spaced.replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "");
    }

    /** The status a rating maps to, or empty when the table does not know the wording. */
    public static Optional<ClaimStatus> statusFor(String rating) {
        String label = normalize(rating);
        if (label.isEmpty()) {
            return Optional.empty();
        }
        return RatingMapping.<RatingMapping> findByIdOptional(label).map(mapping -> mapping.status);
    }
}
