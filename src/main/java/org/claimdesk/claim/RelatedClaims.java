package org.claimdesk.claim;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.claimdesk.source.SourceKind;
import org.claimdesk.system.QueryPlans;

/**
 * Finds claims that say much the same as a given one, from any source. Candidates share at least two of its longest
 * stemmed words (found through the full-text index); the forty with most words in common are scored as the cosine of
 * the two statements' word sets or their letter-trigram similarity (pg_trgm), whichever is higher. "Kim Jong Un
 * praised efforts to double shell production" finds other claims about shell production; the two "15,000" claims
 * find each other.
 */
@ApplicationScoped
public class RelatedClaims {

    public static final int LIMIT = 8;
    /** Below this score two claims share little more than a name. */
    static final double THRESHOLD = 0.2;
    /** The longest words of the claim, which are the rarest; candidates share at least two of them. */
    static final int KEYWORDS = 10;
    /** At most this many candidates are scored, the newest first, so a claim of common words stays cheap. */
    static final int CANDIDATES = 2000;
    /** The candidates with most words in common, whose letter trigrams are then compared too. */
    static final int FINALISTS = 40;

    public record Related(long id, String statement, ClaimStatus status, double similarity, long sourceId,
            String sourceName, SourceKind sourceKind) {

        /** The similarity as a whole percentage, for people. */
        public long percent() {
            return Math.round(similarity * 100);
        }
    }

    @Inject
    EntityManager em;

    /** The most similar claims, best first; none for a claim with no searchable word ("It was not."). */
    @Transactional
    public List<Related> of(long claimId) {
        QueryPlans.planForActualValues(em);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                WITH me AS (
                    SELECT c.id, c.statement, tsvector_to_array(ts_filter(c.search_vector, '{a}')) AS words
                    FROM claim c WHERE c.id = :id),
                keywords AS (
                    SELECT w FROM me, unnest(me.words) w
                    WHERE strpos(w, '''') = 0 AND strpos(w, '\\') = 0
                    ORDER BY length(w) DESC, w LIMIT :keywords),
                query AS (
                    SELECT me.*, coalesce(
                        (SELECT string_agg('(''' || a.w || ''' & ''' || b.w || ''')', ' | ')
                         FROM keywords a JOIN keywords b ON a.w < b.w),
                        (SELECT '''' || w || '''' FROM keywords LIMIT 1))::tsquery AS two_words
                    FROM me),
                candidates AS (
                    SELECT c.id, c.statement, c.status, c.source_id,
                        tsvector_to_array(ts_filter(c.search_vector, '{a}')) AS words
                    FROM query q JOIN claim c ON c.search_vector @@ q.two_words AND c.id <> q.id
                    ORDER BY c.id DESC LIMIT :candidates),
                overlap AS (
                    SELECT k.*, (SELECT count(*) FROM unnest(k.words) w WHERE w = ANY (q.words))
                            / greatest(1, sqrt(cardinality(q.words)::float * cardinality(k.words))) AS cosine
                    FROM candidates k, query q
                    ORDER BY cosine DESC, k.id DESC LIMIT :finalists),
                scored AS (
                    SELECT o.*, greatest(o.cosine, similarity(o.statement, q.statement)) AS score
                    FROM overlap o, query q)
                SELECT r.id, r.statement, r.status, r.score, s.id AS source_id, s.name, s.kind
                FROM scored r JOIN source s ON s.id = r.source_id
                WHERE r.score >= :threshold
                ORDER BY r.score DESC, r.id DESC
                LIMIT :limit
                """).setParameter("id", claimId).setParameter("keywords", KEYWORDS)
                .setParameter("candidates", CANDIDATES).setParameter("finalists", FINALISTS).setParameter("threshold", THRESHOLD).setParameter("limit", LIMIT)
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
