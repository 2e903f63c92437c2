package org.claimdesk.match;

import java.time.Instant;
import java.util.List;

/**
 * A claim of the desk that resembles a text: its score (0 to 1), how close in meaning (cosine) and in words (BM25
 * share) it is, the words they share, its source and its latest verdict.
 */
public record Match(long id, String statement, String status, double score, double meaning, double words,
        List<String> sharedWords, long sourceId, String sourceName, String sourceKind, Instant decidedAt,
        String rationale) {

    /** The score as a whole percentage, for people. */
    public long percent() {
        return Math.round(score * 100);
    }

    /** True when the claim has been decided (verified or disputed). */
    public boolean decided() {
        return !"unverified".equals(status);
    }

    /** Why it was found, for people: the shared words, or that only the meaning is close. */
    public String why() {
        return sharedWords.isEmpty() ? "meaning only" : "shared words: " + String.join(", ", sharedWords);
    }

    /** The status's icon, as ClaimStatus draws it: a badge never relies on its colour alone. */
    public String statusIcon() {
        return switch (status) {
            case "verified" -> "✓";
            case "disputed" -> "✗";
            default -> "?";
        };
    }

    /** The status as people read it (the words of ClaimStatus, which this package does not depend on). */
    public String statusLabel() {
        return status.isEmpty() ? status : Character.toUpperCase(status.charAt(0)) + status.substring(1);
    }
}
