package org.claimdesk.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.claimdesk.claim.ClaimFilter;
import org.claimdesk.claim.ClaimSearch;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.reviewer.CurrentReviewer;
import org.claimdesk.reviewer.Reviewer;
import org.claimdesk.system.Role;
import org.claimdesk.system.Routes;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The home page after login: where the desk stands, what waits for me, what waits longest, what was decided last
 * and which sources are disputed most. Seven queries, whatever the size of the desk, each reading only what it shows.
 */
@Path("/")
public class Dashboard {

    static final int SHORT_LIST = 10;
    static final int TOP_SOURCES = 5;

    /** How many claims have a status; {@code status} null stands for all of them. */
    public record StatusCount(ClaimStatus status, long count) {

        public String url() {
            return status == null ? Routes.claims() : Routes.claims() + "?status=" + status.name();
        }
    }

    /** A claim in a short list. */
    public record ClaimItem(Long id, String statement, ClaimStatus status, Instant createdAt, Long sourceId,
            String sourceName, String assignee) {
    }

    /** What is assigned to me: the first claims of my queue, and how many there are. */
    public record Queue(List<ClaimItem> claims, long unverified, long total, String url) {
    }

    /** One entry of the decision history. */
    public record Decision(Long claimId, String statement, String reviewer, ClaimStatus previousStatus,
            ClaimStatus status, Instant decidedAt) {
    }

    /** A source with how many of its claims are disputed, and how many it has in all. */
    public record DisputedSource(Long id, String name, Long disputed, Long total) {

        public String disputedUrl() {
            return Routes.claimsOfSource(id) + "&status=" + ClaimStatus.disputed.name();
        }

        public String allUrl() {
            return Routes.claimsOfSource(id);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Reviewer me, List<StatusCount> counts, StatusCount total, Queue queue,
                List<ClaimItem> waiting, String waitingUrl, List<Decision> decisions,
                List<DisputedSource> disputedSources);
    }

    private static final String CLAIM_ITEM = "select c.id, c.statement, c.status, c.createdAt, s.id, s.name, "
            + "u.username from Claim c join c.source s left join c.assignee u ";

    @Inject
    CurrentReviewer current;

    @Inject
    EntityManager em;

    @Inject
    ClaimSearch search;

    @GET
    @RolesAllowed(Role.VIEWER)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index() {
        Reviewer me = current.get();
        List<StatusCount> counts = counts();
        StatusCount total = new StatusCount(null, counts.stream().mapToLong(StatusCount::count).sum());
        return Templates.index(me, counts, total, queue(me), oldestUnverified(),
                ClaimFilter.none().withStatus(ClaimStatus.unverified).withSort(ClaimFilter.Sort.oldest).url(),
                latestDecisions(),
                mostDisputedSources());
    }

    private List<StatusCount> counts() {
        List<StatusCount> list = new ArrayList<>();
        search.counts(ClaimFilter.none()).forEach((status, count) -> list.add(new StatusCount(status, count)));
        return list;
    }

    /** My claims, unverified first and oldest first within each group. */
    private Queue queue(Reviewer me) {
        // priority first (set at triage), then unverified first, oldest first
        List<ClaimItem> claims = em.createQuery(CLAIM_ITEM + "where c.assignee.id = :me order by case c.priority "
                + "when org.claimdesk.claim.Priority.high then 0 when org.claimdesk.claim.Priority.normal then 1 "
                + "else 2 end, case when c.status = :unverified then 0 else 1 end, c.createdAt, c.id", ClaimItem.class)
                .setParameter("me", me.id).setParameter("unverified", ClaimStatus.unverified)
                .setMaxResults(SHORT_LIST).getResultList();
        Object[] sizes = em.createQuery("select count(*), count(*) filter (where c.status = :unverified) from Claim c "
                + "where c.assignee.id = :me", Object[].class).setParameter("me", me.id)
                .setParameter("unverified", ClaimStatus.unverified).getSingleResult();
        return new Queue(claims, (Long) sizes[1], (Long) sizes[0], Routes.claims() + "?assigneeId=" + me.id);
    }

    private List<ClaimItem> oldestUnverified() {
        return em.createQuery(CLAIM_ITEM + "where c.status = :unverified order by c.createdAt, c.id", ClaimItem.class)
                .setParameter("unverified", ClaimStatus.unverified).setMaxResults(SHORT_LIST).getResultList();
    }

    private List<Decision> latestDecisions() {
        return em.createQuery("select c.id, c.statement, u.username, r.previousStatus, r.status, r.decidedAt "
                + "from Review r join r.claim c join r.reviewer u order by r.decidedAt desc, r.id desc", Decision.class)
                .setMaxResults(SHORT_LIST).getResultList();
    }

    /** The sources with most disputed claims, read from the counts the database keeps per source (V12). */
    private List<DisputedSource> mostDisputedSources() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT s.id, s.name, d.claims, (SELECT sum(t.claims) FROM "
                + "source_status_count t WHERE t.source_id = s.id) FROM source_status_count d JOIN source s ON s.id = "
                + "d.source_id WHERE d.status = :disputed AND d.claims > 0 ORDER BY d.claims DESC, d.source_id LIMIT "
                + TOP_SOURCES).setParameter("disputed", ClaimStatus.disputed.name()).getResultList();
        return rows.stream().map(r -> new DisputedSource(((Number) r[0]).longValue(), (String) r[1],
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList();
    }
}
