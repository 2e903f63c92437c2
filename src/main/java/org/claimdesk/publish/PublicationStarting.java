package org.claimdesk.publish;

import org.claimdesk.claim.Claim;

/**
 * Fired inside {@link Publications#publish} and {@link Publications#correct} before a claim's verdict goes (or stays)
 * online, so that other features can refuse it (the editorial workflow's second approval) by throwing a
 * {@code ClientError}.
 */
public record PublicationStarting(Claim claim, boolean correction) {
}
