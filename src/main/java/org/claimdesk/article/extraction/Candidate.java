package org.claimdesk.article.extraction;

import java.util.List;

/**
 * One candidate attributed claim found in an article's cleaned text. Offsets count UTF-16 chars in that text, start
 * inclusive and end exclusive: the sentence, the claim's content, the source mention and the cue ("said").
 * {@code sources} holds every source when several share one claim ("Both South Korea and Japan accused ..."); the
 * first is the main one. {@code rule} names the rule or feature that produced the candidate, so a reviewer can see
 * why it was proposed. {@code confidence} is the attribution model's probability that the candidate is a real
 * attribution, and {@code evidence} the model's strongest features for it ("cue.share=>0.6 +1.49").
 */
public record Candidate(int start, int end, int claimStart, int claimEnd, int sourceStart, int sourceEnd,
        int cueStart, int cueEnd, String sentence, String claimText, String sourceMention, String cue,
        List<ResolvedSource> sources, double confidence, String rule, List<String> evidence) {

    public ResolvedSource source() {
        return sources.get(0);
    }
}
