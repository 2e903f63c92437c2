package org.claimdesk.claim;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.claimdesk.source.SourceKind;

/**
 * Finds claims that say much the same as a given one, from any source: claims sharing its stemmed words (scored as the
 * cosine of the two word sets) or its letter trigrams (pg_trgm similarity), whichever scores higher. "Kim Jong Un
 * praised efforts to double shell production" finds other claims about shell production; the two "15,000" claims
 * find each other.
 */
@ApplicationScoped
public class RelatedClaims {

    public static final int LIMIT = 8;
    /** Below this score two claims share little more than a name. */
    static final double THRESHOLD = 0.2;

    public record Related(long id, String statement, ClaimStatus status, double similarity, long sourceId,
            String sourceName, SourceKind sourceKind) {

        /** The similarity as a whole percentage, for people. */
        public long percent() {
            return Math.round(similarity * 100);
        }
    }

    @Inject
    EntityManager em;

    public List<Related> of(long claimId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                WITH me AS (
                    SELECT c.id, c.statement, tsvector_to_array(to_tsvector('english', c.statement)) AS words
                    FROM claim c WHERE c.id = :id),
                query AS (
                    SELECT me.*, coalesce(nullif(array_to_string(ARRAY(
                        SELECT '''' || w || '''' FROM unnest(me.words) w
                        WHERE strpos(w, '''') = 0 AND strpos(w, '\\') = 0), ' | '), ''), '''''')::tsquery AS any_word
                    FROM me),
                scored AS (
                    SELECT c.id, c.statement, c.status, c.source_id,
                        greatest(similarity(c.statement, q.statement),
                            (SELECT count(*) FROM unnest(tsvector_to_array(to_tsvector('english', c.statement))) w
                             WHERE w = ANY (q.words))
                            / greatest(1, sqrt(cardinality(q.words)::float
                                * cardinality(tsvector_to_array(to_tsvector('english', c.statement)))))) AS score
                    FROM query q JOIN claim c ON c.id <> q.id
                        AND (c.search_vector @@ q.any_word OR c.statement % q.statement))
                SELECT r.id, r.statement, r.status, r.score, s.id AS source_id, s.name, s.kind
                FROM scored r JOIN source s ON s.id = r.source_id
                WHERE r.score >= :threshold
                ORDER BY r.score DESC, r.id DESC
                LIMIT :limit
                """).setParameter("id", claimId).setParameter("threshold", THRESHOLD).setParameter("limit", LIMIT)
                .getResultList();
        List<Related> related = new ArrayList<>();
        for (Object[] r : rows) {
            related.add(new Related(((Number) r[0]).longValue(), (String) r[1], ClaimStatus.valueOf((String) r[2]),
                    ((Number) r[3]).doubleValue(), ((Number) r[4]).longValue(), (String) r[5],
                    SourceKind.valueOf((String) r[6])));
        }
        return related;
    }
}
