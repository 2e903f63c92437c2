package org.claimdesk.attribution;

import java.time.Instant;
import java.util.List;

import org.claimdesk.claim.Claim;

/** A claim's attribution as the API shows it, inside {@code GET /api/claims/{id}}. */
public record AttributionJson(String status, String kind, List<Relay> relayedBy, List<Entry> history) {

    public record Relay(long id, String name, String kind) {
    }

    /** One attribution decision, shaped like the truth verdict's history entries. */
    public record Entry(String status, String previousStatus, String rationale, String reviewer, Instant at,
            long claimVersion, List<AttributionReview.Item> evidence) {
    }

    /** Another organisation's review of the same claim. */
    public record OtherJson(long claimId, String organisation, String rating, String status, String reviewedOn,
            String url, boolean conflict) {
    }

    public static AttributionJson of(Claim claim, Attributions attributions) {
        return new AttributionJson(claim.attributionStatus.name(),
                claim.attributionKind == null ? null : claim.attributionKind.name(),
                attributions.relays(claim.id).stream().map(r -> new Relay(r.id(), r.name(), r.kind().name())).toList(),
                Attributions.history(claim.id).stream().map(r -> new Entry(r.status.name(), r.previousStatus.name(),
                        r.rationale, r.reviewer.username, r.decidedAt, r.claimVersion, r.evidence)).toList());
    }

    public static List<OtherJson> others(Claim claim, OtherReviews reviews) {
        return reviews.of(claim).stream().map(o -> new OtherJson(o.claimId(), o.organisation(), o.rating(),
                o.status().name(), o.reviewedOn() == null ? null : o.reviewedOn().toString(), o.url(), o.conflict()))
                .toList();
    }
}
