package org.claimdesk.claim;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.claimdesk.source.SourceKind;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.KeysetPage;
import org.claimdesk.system.QueryPlans;
import org.claimdesk.system.SearchText;
import org.claimdesk.system.TimeCursor;

import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.query.NativeQuery;

import io.quarkus.qute.RawString;

/**
 * The claims list: filters, full-text search with highlighted matches, counts per status, and keyset pages so that the
 * thousandth page costs what the first does. One query for the rows and one for the counts, whatever the page size.
 */
@ApplicationScoped
public class ClaimSearch {

    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 100;

    /** The page size asked for, or the default; out of range is a field error on {@code size}. */
    public static int size(Integer size, FieldErrors errors) {
        if (size == null) {
            return DEFAULT_SIZE;
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add("size", "Show from 1 to " + MAX_SIZE + " claims per page.");
        }
        return size;
    }

    /** One claim in a list. {@code highlighted} is the statement with search matches marked, or null. */
    public record Row(long id, String statement, RawString highlighted, RawString quoteMatch, ClaimStatus status,
            Instant createdAt, Instant decidedAt, LocalDate claimDate, List<String> tags, long sourceId,
            String sourceName, SourceKind sourceKind, Long articleId, String articleTitle, String assignee,
            Priority priority) {
    }

    /**
     * A page of rows with the cursors of its neighbours (null where there is none), and how many claims of each
     * status the filter finds; where it finds more than {@link #COUNT_LIMIT} that the database does not count
     * ahead, only that.
     */
    public record Page(List<Row> rows, String previous, String next, Map<ClaimStatus, Long> counts) {

        /** The number of claims found, or "more than 100". */
        public String total() {
            return beyondLimit() ? "more than " + COUNT_LIMIT : Long.toString(sum());
        }

        /** The number of claims of a status found; empty beyond the limit. */
        public String count(ClaimStatus status) {
            return beyondLimit() ? "" : Long.toString(counts.get(status));
        }

        private boolean beyondLimit() {
            return sum() > COUNT_LIMIT;
        }

        private long sum() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Filters whose counts the database does not keep (a search, a tag...) count their claims up to this many:
     * counting the 95,000 claims that mention "tax" among a million takes 0.9 s. Finding the first N reads about
     * N / (the share of claims that match) rows: for the first 1,000 of "tax" that was 10,000 rows and 15 to 25 ms,
     * ten times the rest of the search (issue 17, benchmarks.md); for the first 100, a tenth of that. Beyond it the
     * page says "more than 100"; the API's {@code total} stays exact.
     */
    public static final long COUNT_LIMIT = 100;

    @Inject
    EntityManager em;

    /** The page after {@code after}, or before {@code before}, or the first; cursors come from earlier pages. */
    @Transactional
    public Page page(ClaimFilter filter, String after, String before, int size) {
        planSearches(filter);
        TimeCursor cursor = after != null ? TimeCursor.parse(after) : before != null ? TimeCursor.parse(before) : null;
        boolean backwards = before != null;
        Sql sql = rows(filter);
        if (cursor != null) {
            boolean descending = filter.sort() != ClaimFilter.Sort.oldest;
            String op = descending != backwards ? "<" : ">";
            sql.and("(" + key(filter.sort()) + ", c.id) " + op + " (cast(:cursorKey as timestamptz), :cursorId)")
                    .bind("cursorKey", cursor.sqlTime()).bind("cursorId", cursor.id());
        }
        KeysetPage<Row> page = KeysetPage.of(fetch(sql, filter, backwards, size + 1, 0), size, backwards,
                cursor != null);
        String previous = page.hasPrevious() ? cursor(filter.sort(), page.first()) : null;
        String next = page.hasNext() ? cursor(filter.sort(), page.last()) : null;
        return new Page(page.rows(), previous, next, counts(filter, COUNT_LIMIT + 1));
    }

    /** The API's numbered pages: page 1 is the first. */
    @Transactional
    public List<Row> numbered(ClaimFilter filter, int page, int size) {
        planSearches(filter);
        return fetch(rows(filter), filter, false, size, (page - 1) * size);
    }

    /**
     * Every claim the filter finds, in the list's order, through a forward-only database cursor that fetches
     * {@code fetchSize} rows at a time, so that a million claims never sit in memory. {@code columns} is a trusted
     * select list over {@code c} (claim), {@code s} (source), {@code a} (article) and {@code u} (assignee). Call it
     * inside a transaction (PostgreSQL keeps a cursor only there) and close what it returns.
     */
    public ScrollableResults<Object[]> scroll(ClaimFilter filter, String columns, int fetchSize) {
        planSearches(filter);
        Sql sql = where(filter, new Sql("SELECT " + columns + " FROM claim c JOIN source s ON s.id = c.source_id "
                + "LEFT JOIN article a ON a.id = c.article_id LEFT JOIN reviewer u ON u.id = c.assignee_id"));
        String direction = filter.sort() == ClaimFilter.Sort.oldest ? " ASC" : " DESC";
        sql.append(" ORDER BY " + key(filter.sort()) + direction + ", c.id" + direction);
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = sql.query(em).unwrap(NativeQuery.class);
        return query.setReadOnly(true).setFetchSize(fetchSize).scroll(ScrollMode.FORWARD_ONLY);
    }

    /**
     * How many claims of each status the filter finds, ignoring its own status filter. The whole desk's and one
     * source's counts are kept by the database (V12); other filters count their claims.
     */
    public Map<ClaimStatus, Long> counts(ClaimFilter filter) {
        return counts(filter, Long.MAX_VALUE);
    }

    /** The counts; where they are counted rather than kept, of the first {@code limit} claims found. */
    private Map<ClaimStatus, Long> counts(ClaimFilter filter, long limit) {
        ClaimFilter anyStatus = filter.withStatus(null);
        Sql sql;
        if (anyStatus.withSource(null).isNarrowed() && limit < Long.MAX_VALUE) {
            // no plan hints needed: a common word walks the table until the limit, a rare one reads its index
            Sql matching = where(anyStatus, new Sql("SELECT c.status FROM claim c"));
            sql = new Sql("SELECT m.status, count(*) FROM (" + matching.text + " LIMIT :countLimit) m GROUP BY m.status")
                    .bind("countLimit", limit);
            sql.params.putAll(matching.params);
        } else if (anyStatus.withSource(null).isNarrowed()) {
            sql = where(anyStatus, new Sql("SELECT c.status, count(*) FROM claim c")).append(" GROUP BY c.status");
        } else if (filter.sourceId() == null) {
            sql = new Sql("SELECT status, sum(claims) FROM claim_status_count GROUP BY status");
        } else {
            sql = new Sql("SELECT status, claims FROM source_status_count WHERE source_id = :sourceId")
                    .bind("sourceId", filter.sourceId());
        }
        Map<ClaimStatus, Long> counts = new EnumMap<>(ClaimStatus.class);
        for (ClaimStatus status : ClaimStatus.values()) {
            counts.put(status, 0L);
        }
        for (Object row : sql.query(em).getResultList()) {
            Object[] columns = (Object[]) row;
            counts.put(ClaimStatus.valueOf((String) columns[0]), ((Number) columns[1]).longValue());
        }
        return counts;
    }

    @Transactional
    public long count(ClaimFilter filter) {
        planSearches(filter);
        Map<ClaimStatus, Long> counts = counts(filter);
        return filter.status() == null ? counts.values().stream().mapToLong(Long::longValue).sum()
                : counts.get(filter.status());
    }

    /** A search's best plan depends on how rare its words are, which a generic plan cannot know. */
    private void planSearches(ClaimFilter filter) {
        if (filter.isSearch()) {
            QueryPlans.planForActualValues(em);
        }
    }

    private Sql rows(ClaimFilter filter) {
        return where(filter, new Sql("SELECT c.id, c.statement, c.quote, c.status, c.created_at, c.decided_at, "
                + "c.claim_date, c.tags, c.source_id, s.name AS source_name, s.kind, c.article_id, a.title, u.username, "
                + key(filter.sort()) + " AS sort_key, c.priority FROM claim c JOIN source s ON s.id = c.source_id "
                + "LEFT JOIN article a ON a.id = c.article_id LEFT JOIN reviewer u ON u.id = c.assignee_id"));
    }

    private List<Row> fetch(Sql sql, ClaimFilter filter, boolean backwards, int limit, int offset) {
        boolean descending = (filter.sort() != ClaimFilter.Sort.oldest) != backwards;
        String direction = descending ? " DESC" : " ASC";
        sql.append(" ORDER BY sort_key" + direction + ", c.id" + direction + " LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset);
        Sql page = sql;
        if (filter.isSearch()) {
            // highlight only the rows of this page
            page = new Sql("SELECT p.*, ts_headline('" + SearchText.CONFIG + "', p.statement, query, "
                    + Highlight.OPTIONS + " || ', HighlightAll=true'), CASE WHEN p.quote IS NULL THEN NULL ELSE "
                    + "ts_headline('" + SearchText.CONFIG + "', p.quote, query, " + Highlight.OPTIONS
                    + " || ', MaxFragments=1, MaxWords=30, MinWords=10') END "
                    + "FROM (" + sql.text + ") p, " + SearchText.tsquery("q") + " query"
                    + " ORDER BY p.sort_key" + direction + ", p.id" + direction);
            page.params.putAll(sql.params);
        }
        List<Row> rows = new ArrayList<>();
        for (Object result : page.query(em).getResultList()) {
            Object[] c = (Object[]) result;
            RawString quoteMatch = null;
            if (filter.isSearch() && c[17] != null && ((String) c[17]).indexOf('\u0001') >= 0) {
                quoteMatch = Highlight.of((String) c[17]);
            }
            rows.add(new Row(((Number) c[0]).longValue(), (String) c[1],
                    filter.isSearch() ? Highlight.of((String) c[16]) : null, quoteMatch,
                    ClaimStatus.valueOf((String) c[3]), instant(c[4]), instant(c[5]), localDate(c[6]), strings(c[7]),
                    ((Number) c[8]).longValue(), (String) c[9], SourceKind.valueOf((String) c[10]),
                    c[11] == null ? null : ((Number) c[11]).longValue(), (String) c[12], (String) c[13],
                    Priority.valueOf((String) c[15])));
        }
        return rows;
    }

    private Sql where(ClaimFilter f, Sql sql) {
        sql.append(" WHERE true");
        if (f.status() != null) {
            sql.and("c.status = :status").bind("status", f.status().name());
        }
        if (f.sourceId() != null) {
            sql.and("c.source_id = :sourceId").bind("sourceId", f.sourceId());
        }
        if (f.kind() != null) {
            sql.and("c.source_id IN (SELECT k.id FROM source k WHERE k.kind = :kind)").bind("kind", f.kind().name());
        }
        if (f.tag() != null) {
            sql.and("c.tags @> ARRAY[cast(:tag AS text)]").bind("tag", f.tag());
        }
        if (f.articleId() != null) {
            sql.and("c.article_id = :articleId").bind("articleId", f.articleId());
        }
        if (f.assigneeId() != null) {
            sql.and("c.assignee_id = :assigneeId").bind("assigneeId", f.assigneeId());
        }
        if (f.from() != null) {
            sql.and("c.claim_date >= :from").bind("from", f.from());
        }
        if (f.to() != null) {
            sql.and("c.claim_date <= :to").bind("to", f.to());
        }
        if (f.priority() != null) {
            sql.and("c.priority = :priority").bind("priority", f.priority().name());
        }
        if (f.attribution() != null) {
            sql.and("c.attribution_status = :attribution").bind("attribution", f.attribution().name());
        }
        if (f.q() != null) {
            // one query over the claim's words and its source's names together (index claim_document_idx, V6)
            // in every script: English and Russian stems, no diacritics, CJK letter pairs (V13, SearchText)
            sql.and("(c.search_vector || c.source_vector) @@ " + SearchText.tsquery("q"))
                    .bind("q", SearchText.query(f.q()));
        }
        return sql;
    }

    private static String cursor(ClaimFilter.Sort sort, Row row) {
        if (sort == ClaimFilter.Sort.priority) {
            return new TimeCursor(row.createdAt().plusSeconds(priorityShift(row.priority())), row.id()).toString();
        }
        return new TimeCursor(sort == ClaimFilter.Sort.decided ? row.decidedAt() : row.createdAt(), row.id()).toString();
    }

    /**
     * Seconds added to a claim's time for the priority order: about 950 years a step, so that every high claim sorts
     * after every normal one, and the order stays one time and an id, as the keyset cursors hold it. Seconds, not
     * years, so that PostgreSQL and Java agree whatever the time zone.
     */
    static long priorityShift(Priority priority) {
        return (2 - priority.rank()) * PRIORITY_STEP;
    }

    private static final long PRIORITY_STEP = 30_000_000_000L;

    /** The first sort column; with the id it is unique, which is what a keyset needs. */
    private static String key(ClaimFilter.Sort sort) {
        return switch (sort) {
            case newest, oldest -> "c.created_at";
            case decided -> "coalesce(c.decided_at, '-infinity'::timestamptz)";
            case priority -> "(c.created_at + CASE c.priority WHEN 'high' THEN interval '" + 2 * PRIORITY_STEP
                    + " seconds' WHEN 'normal' THEN interval '" + PRIORITY_STEP + " seconds' ELSE interval '0' END)";
        };
    }

    /** A native query assembled from trusted fragments, with every value bound as a parameter. */
    private static final class Sql {
        final StringBuilder text;
        final Map<String, Object> params = new LinkedHashMap<>();

        Sql(String start) {
            text = new StringBuilder(start);
        }

        Sql append(String fragment) {
            text.append(fragment);
            return this;
        }

        Sql and(String condition) {
            text.append(" AND ").append(condition);
            return this;
        }

        Sql bind(String name, Object value) {
            params.put(name, value);
            return this;
        }

        Query query(EntityManager em) {
            Query query = em.createNativeQuery(text.toString());
            params.forEach(query::setParameter);
            return query;
        }
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    static LocalDate localDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
    }

    static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String[] array) {
            return Arrays.asList(array);
        }
        if (value instanceof Object[] array) {
            return Arrays.stream(array).map(String::valueOf).toList();
        }
        try {
            return Arrays.asList((String[]) ((java.sql.Array) value).getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
