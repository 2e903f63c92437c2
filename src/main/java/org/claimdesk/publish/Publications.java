package org.claimdesk.publish;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimRules;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.review.VerdictChanging;
import org.claimdesk.review.VerdictInput;
import org.claimdesk.review.Verdicts;
import org.claimdesk.reviewer.CurrentReviewer;
import org.claimdesk.system.ClaimdeskConfig;
import org.claimdesk.system.ClientError;

/**
 * Publishing rules. A decided claim (or an unverified one, where the organisation allows it) is published; while it
 * is published its verdict changes only by unpublishing it first or by a correction, which the public page shows.
 * Templates read a claim's state as {@code inject:publishing}.
 */
@Named("publishing")
@ApplicationScoped
public class Publications {

    @Inject
    CurrentReviewer me;

    @Inject
    Verdicts verdicts;

    @Inject
    ClaimdeskConfig config;

    @Inject
    jakarta.enterprise.event.Event<PublicationStarting> starting;

    /** Puts a claim online, at the slug it got the first time. */
    @Transactional
    public Publication publish(long claimId) {
        Claim claim = ClaimRules.find(claimId);
        refuseUnpublishable(claim);
        Publication publication = Publication.of(claimId).orElse(null);
        if (publication != null && publication.isLive()) {
            throw ClientError.conflict("This claim is already published.");
        }
        starting.fire(new PublicationStarting(claim, false));
        Instant now = Instant.now();
        if (publication == null) {
            publication = new Publication();
            publication.claim = claim;
            publication.slug = Publication.slugFor(claim);
            publication.firstPublishedAt = now;
        }
        publication.publishedAt = now;
        publication.publishedBy = me.get();
        publication.persist();
        PublicationEvent.record(claim, PublicationEvent.Action.published, me.get(), null, now);
        return publication;
    }

    /** Takes a claim offline; its slug is kept for when it is published again. */
    @Transactional
    public Publication unpublish(long claimId) {
        Publication publication = live(claimId);
        publication.publishedAt = null;
        PublicationEvent.record(publication.claim, PublicationEvent.Action.unpublished, me.get(), null, Instant.now());
        return publication;
    }

    /**
     * Records a new decision on a published claim and keeps it published, all in one transaction: the public page
     * then says when the verdict changed and what it was.
     */
    @Transactional
    public Publication correct(long claimId, VerdictInput decision) {
        Publication publication = live(claimId);
        Claim claim = publication.claim;
        ClaimStatus previous = claim.status;
        Instant publishedAt = publication.publishedAt;
        publication.publishedAt = null; // for the decision's own check: a correction is the sanctioned way round it
        verdicts.decide(claimId, decision);
        publication.publishedAt = publishedAt;
        refuseUnpublishable(claim);
        starting.fire(new PublicationStarting(claim, true));
        PublicationEvent.record(claim, PublicationEvent.Action.corrected, me.get(), previous, Instant.now());
        return publication;
    }

    /** A published claim's verdict is refused any decision that does not come through {@link #correct}. */
    void refuseWhilePublished(@Observes VerdictChanging change) {
        if (Publication.of(change.claim().id).map(Publication::isLive).orElse(false)) {
            throw ClientError.conflict("This claim is published, so its verdict cannot change quietly. Unpublish it "
                    + "first, or record the new decision as a correction (\"Republish with correction\"), which the "
                    + "public page shows.");
        }
    }

    /** For templates: the claim's publication, live or not, or null when it was never published. */
    public Publication of(Long claimId) {
        return claimId == null ? null : Publication.of(claimId).orElse(null);
    }

    /** For templates: whether the claim is published now. */
    public boolean isLive(Long claimId) {
        Publication publication = of(claimId);
        return publication != null && publication.isLive();
    }

    /** For templates: the organisation named on the public pages. */
    public String organisationName() {
        return config.organisation().name();
    }

    /** For templates: whether this claim could be published now. */
    public boolean canPublish(Claim claim) {
        return claim.status != ClaimStatus.unverified || config.publish().allowUnverified();
    }

    private void refuseUnpublishable(Claim claim) {
        if (!canPublish(claim)) {
            throw ClientError.conflict("Only decided claims (verified or disputed) are published here; this one is "
                    + "unverified. Decide it first.");
        }
    }

    private static Publication live(long claimId) {
        Publication publication = Publication.of(claimId).filter(Publication::isLive).orElse(null);
        if (publication == null) {
            ClaimRules.find(claimId); // 404 for an unknown claim
            throw ClientError.conflict("This claim is not published.");
        }
        return publication;
    }
}
