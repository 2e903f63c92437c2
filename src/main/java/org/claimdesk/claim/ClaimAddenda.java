package org.claimdesk.claim;

import java.util.List;
import java.util.Map;

/**
 * What another feature adds to a claim's page and JSON (the editorial workflow's approvals and notes), so that the
 * claim package shows it without depending on that feature. Implementations are CDI beans; all of them are asked.
 */
public interface ClaimAddenda {

    /** Entries for the claim's history; {@link ClaimDetails} puts them in time order with the rest. */
    List<ClaimDetails.Event> history(long claimId);

    /** Fields of the claim's JSON by name; {@link ClaimsApi} reads the ones it declares. */
    Map<String, Object> json(long claimId);
}
