package org.claimdesk.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.KeysetPage;
import org.claimdesk.system.QueryPlans;
import org.claimdesk.system.SearchText;

/**
 * Finds sources by name or alias: full-text over the names (so "North Korea's official news agency" finds KCNA) or
 * any part of a name or alias (so "Korean Cent" does while it is being typed). Pages are keyset pages in name order,
 * so that the last of 20,000 sources costs what the first does.
 */
@ApplicationScoped
public class SourceSearch {

    public static final int PAGE_SIZE = 50;

    /**
     * A page of sources with their claim counts. {@code previous} and {@code next} are the names at which the
     * neighbouring pages start or end, or null where there is no such page.
     */
    public record Page(List<Source> rows, Map<Long, ClaimCounts> counts, String previous, String next) {

        public ClaimCounts countsOf(Source source) {
            return counts.getOrDefault(source.id, ClaimCounts.NONE);
        }
    }

    @Inject
    EntityManager em;

    /**
     * The page after the source named {@code after}, or before the one named {@code before}, or the first. Names
     * are unique without regard to case (index source_name_key), so lower(name) alone orders and pages the list.
     */
    @Transactional
    public Page page(SourceFilter filter, String after, String before) {
        boolean backwards = after == null && before != null;
        String from = backwards ? before : after;
        if (from != null && (from.length() > 200 || !FieldErrors.printable(from))) {
            throw ClientError.badRequest("The page link is damaged; go back to the first page of the list.");
        }
        KeysetPage<Source> page = KeysetPage.of(find(filter, from, backwards, PAGE_SIZE + 1), PAGE_SIZE, backwards,
                from != null);
        List<Source> rows = page.rows();
        String previous = page.hasPrevious() ? page.first().name : null;
        String next = page.hasNext() ? page.last().name : null;
        return new Page(rows, counts(rows.stream().map(s -> s.id).toList()), previous, next);
    }

    /** The first {@code limit} sources the filter finds, in name order. */
    @Transactional
    public List<Source> first(SourceFilter filter, int limit) {
        return find(filter, null, false, limit);
    }

    /** The claim counts of each source, in one query of the counts kept by the database (V12). */
    public Map<Long, ClaimCounts> counts(Collection<Long> sourceIds) {
        if (sourceIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Map<ClaimStatus, Long>> bySource = new HashMap<>();
        List<?> results = em.createNativeQuery("SELECT source_id, status, claims FROM source_status_count "
                + "WHERE source_id IN (:ids)").setParameter("ids", sourceIds).getResultList();
        for (Object result : results) {
            Object[] row = (Object[]) result;
            bySource.computeIfAbsent(((Number) row[0]).longValue(), id -> new EnumMap<>(ClaimStatus.class))
                    .put(ClaimStatus.valueOf((String) row[1]), ((Number) row[2]).longValue());
        }
        Map<Long, ClaimCounts> counts = new HashMap<>();
        bySource.forEach((id, byStatus) -> counts.put(id, ClaimCounts.of(byStatus)));
        return counts;
    }

    public ClaimCounts counts(long sourceId) {
        return counts(List.of(sourceId)).getOrDefault(sourceId, ClaimCounts.NONE);
    }

    @SuppressWarnings("unchecked")
    private List<Source> find(SourceFilter filter, String from, boolean backwards, int limit) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.q() != null) {
            QueryPlans.planForActualValues(em); // a generic plan walks every source: 90 ms at 20,000 instead of 5
            // source_names() is the expression of the trigram index source_names_trgm_idx (V4)
            conditions.add("(s.search_vector @@ " + SearchText.tsquery("q") + " "
                    + "OR source_names(s.name, s.aliases) ILIKE :part)");
            params.put("q", SearchText.query(filter.q()));
            params.put("part", "%" + filter.q().replaceAll("([\\\\%_])", "\\\\$1") + "%");
        }
        if (filter.kind() != null) {
            conditions.add("s.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.country() != null) {
            conditions.add("s.country = :country");
            params.put("country", filter.country());
        }
        if (from != null) {
            conditions.add("lower(s.name) " + (backwards ? "<" : ">") + " lower(:from)");
            params.put("from", from);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        Query query = em.createNativeQuery("SELECT s.* FROM source s" + where + " ORDER BY lower(s.name)"
                + (backwards ? " DESC" : "") + " LIMIT :limit", Source.class);
        params.forEach(query::setParameter);
        return query.setParameter("limit", limit).getResultList();
    }
}
