package org.claimdesk.claim;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.claimdesk.match.ClaimMatcher;
import org.claimdesk.match.Match;
import org.claimdesk.source.SourceKind;

/**
 * Claims that say much the same as a given one, from any source: the matching engine's nearest claims by meaning and
 * shared words (see {@link ClaimMatcher}), shown on the claim's page and by {@code GET /api/claims/{id}/related}.
 */
@ApplicationScoped
public class RelatedClaims {

    public static final int LIMIT = 8;

    /** {@code why} says what was shared: the words, or the meaning only. */
    public record Related(long id, String statement, ClaimStatus status, double similarity, long sourceId,
            String sourceName, SourceKind sourceKind, String why) {

        /** The similarity as a whole percentage, for people. */
        public long percent() {
            return Math.round(similarity * 100);
        }
    }

    @Inject
    ClaimMatcher matcher;

    /** The most similar claims, best first; none worth showing for a claim unlike any other. */
    public List<Related> of(long claimId) {
        return matcher.relatedTo(claimId, LIMIT).stream().map(RelatedClaims::related).toList();
    }

    private static Related related(Match m) {
        return new Related(m.id(), m.statement(), ClaimStatus.valueOf(m.status()), m.score(), m.sourceId(),
                m.sourceName(), SourceKind.valueOf(m.sourceKind()), m.why());
    }
}
