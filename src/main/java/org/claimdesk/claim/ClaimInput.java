package org.claimdesk.claim;

import java.time.LocalDate;
import java.util.List;

/**
 * A claim as a reviewer submits it, from the form or the API, before the rules in {@link ClaimRules} have checked it.
 * Ranges are character offsets in the article's body, start inclusive and end exclusive.
 */
public record ClaimInput(String statement, String quote, Long sourceId, Long articleId, Integer quoteStart,
        Integer quoteEnd, LocalDate claimDate, List<String> tags, Long assigneeId) {
}
