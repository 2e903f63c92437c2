package org.claimdesk.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.claimdesk.system.KeysetPage;
import org.claimdesk.system.TimeCursor;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Routes;

/**
 * The articles list: newest first, searched by title and filtered by publisher, in keyset pages of 50, so that a deep
 * page costs what the first does. The claims of each row are counted in the same query.
 */
@ApplicationScoped
public class ArticleSearch {

    public static final int PAGE_SIZE = 50;
    static final int MAX_QUERY = 500;

    /** One article in the list. */
    public record Row(Long id, String title, Long publisherId, String publisherName, LocalDate publishedOn,
            Instant createdAt, Long claims) {
    }

    /** A publisher that has articles, for the filter's choices. */
    public record Publisher(Long id, String name) {
    }

    /** What the list shows, as its query string says: words of the title and a publisher, both optional. */
    public record Filter(String q, Long publisherId) {

        public static Filter parse(String q, String publisherId) {
            FieldErrors errors = new FieldErrors();
            Filter filter = new Filter(errors.text("q", "the search", q, MAX_QUERY, false),
                    errors.id("publisherId", "a publisher", publisherId, false));
            errors.throwIfAny();
            return filter;
        }

        public boolean isNarrowed() {
            return q != null || publisherId != null;
        }

        /** This search narrowed to one publisher's articles. */
        public String publisherUrl(Long id) {
            return new Filter(q, id).url(null, null);
        }

        /** This list from its first page, or from a page cursor ({@code after} or {@code before}). */
        public String url(String cursorName, String cursor) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("q", q);
            params.put("publisherId", publisherId == null ? null : publisherId.toString());
            if (cursor != null) {
                params.put(cursorName, cursor);
            }
            return Routes.withQuery(Routes.articles(), params);
        }
    }

    /** A page of rows with the links to its neighbours (null where there is none). */
    public record Page(List<Row> rows, String newer, String older) {
    }

    @Inject
    EntityManager em;

    /** The page after the cursor {@code after} (older articles), before {@code before} (newer ones), or the first. */
    public Page page(Filter filter, String after, String before) {
        boolean backwards = after == null && before != null;
        TimeCursor cursor = after != null ? TimeCursor.parse(after) : before != null ? TimeCursor.parse(before) : null;
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder hql = new StringBuilder("select a.id, a.title, p.id, p.name, a.publishedOn, a.createdAt, "
                + "(select count(*) from Claim c where c.article = a) from Article a left join a.publisher p where true");
        if (filter.q() != null) {
            hql.append(" and a.title ilike :pattern escape '\\'");
            params.put("pattern", "%" + filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.publisherId() != null) {
            hql.append(" and a.publisher.id = :publisherId");
            params.put("publisherId", filter.publisherId());
        }
        if (cursor != null) {
            hql.append(backwards ? " and (a.createdAt, a.id) > (:key, :id)" : " and (a.createdAt, a.id) < (:key, :id)");
            params.put("key", cursor.time());
            params.put("id", cursor.id());
        }
        hql.append(backwards ? " order by a.createdAt, a.id" : " order by a.createdAt desc, a.id desc");
        TypedQuery<Row> query = em.createQuery(hql.toString(), Row.class).setMaxResults(PAGE_SIZE + 1);
        params.forEach(query::setParameter);
        KeysetPage<Row> page = KeysetPage.of(query.getResultList(), PAGE_SIZE, backwards, cursor != null);
        if (page.rows().isEmpty()) {
            return new Page(page.rows(), cursor == null ? null : filter.url(null, null), null);
        }
        return new Page(page.rows(), page.hasPrevious() ? filter.url("before", cursor(page.first())) : null,
                page.hasNext() ? filter.url("after", cursor(page.last())) : null);
    }

    private static String cursor(Row row) {
        return new TimeCursor(row.createdAt(), row.id()).toString();
    }

    /** The publishers that have at least one article, by name. */
    public List<Publisher> publishers() {
        return em.createQuery("select distinct p.id, p.name from Article a join a.publisher p order by p.name",
                Publisher.class).getResultList();
    }
}
