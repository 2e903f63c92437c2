package org.claimdesk.attribution;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.publish.RatingMapping;

/**
 * Other fact-checkers' verdicts on a desk claim: the ClaimReview reviews imported from other organisations
 * ({@code publish.ClaimReviewImport}) whose claim is the same as this one. "The same" is decided in one place,
 * {@link #matching}, so that a meaning-based matcher can replace the exact rule later.
 */
@ApplicationScoped
public class OtherReviews {

    static final int MAX_SHOWN = 20;

    /**
     * One other organisation's review: who, their rating as they worded it, the status it maps to today, when, where,
     * and whether it disagrees with the desk's own decided verdict.
     */
    public record Other(long claimId, String organisation, String rating, ClaimStatus status, LocalDate reviewedOn,
            String url, boolean conflict) {

        /** "PolitiFact, False (2024-05-02)" */
        public String line() {
            return organisation + ", " + rating + (reviewedOn == null ? "" : " (" + reviewedOn + ")");
        }
    }

    @Inject
    EntityManager em;

    /**
     * The ids of the imported claims that are the same claim as {@code claim}: today the same statement by the same
     * claimant, compared as {@link RatingMapping#normalize} compares ratings (case, spacing and surrounding punctuation
     * do not count), through the index claim_statement_key_idx (V16).
     */
    public List<Long> matching(Claim claim) {
        List<Long> ids = new ArrayList<>();
        for (Object id : em.createNativeQuery("SELECT c.id FROM claim c JOIN claimreview_import i ON i.claim_id = c.id "
                + "WHERE c.source_id = :source AND claim_statement_key(c.statement) = claim_statement_key(:statement) "
                + "AND c.id <> :id ORDER BY c.id DESC").setParameter("source", claim.source.id)
                .setParameter("statement", claim.statement).setParameter("id", claim.id).setMaxResults(MAX_SHOWN)
                .getResultList()) {
            ids.add(((Number) id).longValue());
        }
        return ids;
    }

    /** The other reviews of a claim, newest first. */
    public List<Other> of(Claim claim) {
        List<Long> ids = matching(claim);
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Other> others = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT c.id, i.organisation, c.original_rating, c.status, i.reviewed_on, "
                + "i.review_key, i.imported_at, (SELECT e.title FROM review r JOIN evidence e ON e.review_id = r.id "
                + "WHERE r.claim_id = c.id ORDER BY r.id LIMIT 1) FROM claim c JOIN claimreview_import i "
                + "ON i.claim_id = c.id WHERE c.id IN (:ids) ORDER BY coalesce(i.reviewed_on, i.imported_at::date) DESC, "
                + "c.id DESC").setParameter("ids", ids).getResultList()) {
            Object[] c = (Object[]) row;
            String organisation = c[1] != null ? (String) c[1] : c[7] != null ? (String) c[7] : "Another fact-checker";
            String rating = c[2] == null ? ClaimStatus.valueOf((String) c[3]).label() : (String) c[2];
            ClaimStatus theirs = RatingMapping.statusFor(rating).orElse(ClaimStatus.valueOf((String) c[3]));
            LocalDate on = c[4] != null ? Attributions.date(c[4])
                    : LocalDate.ofInstant(instant(c[6]), ZoneOffset.UTC);
            String key = (String) c[5];
            String url = key.startsWith("http://") || key.startsWith("https://") ? key : null;
            // a conflict is two decided verdicts that differ; an open claim of ours disagrees with no one yet
            boolean conflict = claim.status != ClaimStatus.unverified && theirs != claim.status;
            others.add(new Other(((Number) c[0]).longValue(), organisation, rating, theirs, on, url, conflict));
        }
        return others;
    }

    private static Instant instant(Object value) {
        return value instanceof Instant i ? i : value instanceof java.sql.Timestamp t ? t.toInstant()
                : value instanceof java.time.OffsetDateTime o ? o.toInstant() : Instant.now();
    }
}
