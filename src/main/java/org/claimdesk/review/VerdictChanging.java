package org.claimdesk.review;

import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimStatus;

/**
 * Fired inside {@link Verdicts#decide} before a decision is stored, so that other features can refuse it (a published
 * claim's verdict changes only through an explicit unpublish or correction) by throwing a {@code ClientError}.
 */
public record VerdictChanging(Claim claim, ClaimStatus status) {
}
