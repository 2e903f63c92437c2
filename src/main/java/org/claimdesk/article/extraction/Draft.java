package org.claimdesk.article.extraction;

import java.util.List;

/**
 * One attribution found in a sentence by a rule, before its source is resolved. {@code confidence} is the rule's own
 * prior; {@code probability} and {@code evidence} are the attribution model's verdict on it and its strongest
 * features, set once the model has weighed the draft.
 */
record Draft(int sourceStart, int sourceEnd, int cueStart, int cueEnd, String cue, int claimStart, int claimEnd,
        double confidence, String rule, double probability, List<String> evidence) {

    Draft(int sourceStart, int sourceEnd, int cueStart, int cueEnd, String cue, int claimStart, int claimEnd,
            double confidence, String rule) {
        this(sourceStart, sourceEnd, cueStart, cueEnd, cue, claimStart, claimEnd, confidence, rule, confidence,
                List.of());
    }

    int extentStart() {
        return Math.min(sourceStart, Math.min(cueStart, claimStart));
    }

    int extentEnd() {
        return Math.max(sourceEnd, Math.max(cueEnd, claimEnd));
    }

    boolean covers(int offset) {
        return offset >= extentStart() && offset < extentEnd();
    }

    Draft withClaim(int start, int end) {
        return new Draft(sourceStart, sourceEnd, cueStart, cueEnd, cue, start, end, confidence, rule, probability,
                evidence);
    }

    Draft withSource(int start, int end) {
        return new Draft(start, end, cueStart, cueEnd, cue, claimStart, claimEnd, confidence, rule, probability,
                evidence);
    }

    Draft weighed(double p, List<String> reasons) {
        return new Draft(sourceStart, sourceEnd, cueStart, cueEnd, cue, claimStart, claimEnd, confidence, rule, p,
                List.copyOf(reasons));
    }
}
