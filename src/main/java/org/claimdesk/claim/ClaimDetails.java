package org.claimdesk.claim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.claimdesk.review.Review;
import org.claimdesk.system.ClientError;

/**
 * Everything a claim's page and the API show about one claim, read in a fixed number of queries: the claim with its
 * source, article and people, its timeline of edits and decisions, its links, related claims and article neighbours.
 */
@ApplicationScoped
public class ClaimDetails {

    /** One event in a claim's history, oldest first: its creation, an edit, or a decision. */
    public record Event(String kind, Instant at, String who, Review review, ClaimEdit edit, ClaimLinks.View link,
            Addendum addendum) {

        public Event(String kind, Instant at, String who, Review review, ClaimEdit edit, ClaimLinks.View link) {
            this(kind, at, who, review, edit, link, null);
        }

        /** An entry another feature added ({@link ClaimAddenda}): what was done, and a note, or empty. */
        public record Addendum(String action, String note) {
        }

        public boolean isDecision() {
            return review != null;
        }

        public boolean isEdit() {
            return edit != null;
        }

        public boolean isLinked() {
            return kind.equals("linked");
        }

        public boolean isUnlinked() {
            return kind.equals("unlinked");
        }
    }

    /** {@code related} is null unless asked for. */
    public record Details(Claim claim, List<Review> reviews, List<Event> timeline, List<ClaimLinks.View> links,
            List<RelatedClaims.Related> related, List<Claim> sameArticle, Excerpt excerpt) {

        /** The newest change of the claim itself (a decision or an edit): the change a stale form missed. */
        public Event latestEvent() {
            for (int i = timeline.size() - 1; i > 0; i--) {
                if (timeline.get(i).isDecision() || timeline.get(i).isEdit()) {
                    return timeline.get(i);
                }
            }
            return timeline.get(0);
        }

        /** The decision that set the current status, if any. */
        public Review latest() {
            return reviews.isEmpty() ? null : reviews.get(reviews.size() - 1);
        }
    }

    @Inject
    RelatedClaims relatedClaims;

    @Inject
    jakarta.enterprise.inject.Instance<ClaimAddenda> addenda;

    public Claim claim(long id) {
        return Claim.<Claim> find("select c from Claim c join fetch c.source left join fetch c.article "
                + "left join fetch c.assignee left join fetch c.createdBy left join fetch c.updatedBy "
                + "left join fetch c.decidedBy where c.id = ?1", id).firstResultOptional()
                .orElseThrow(() -> ClientError.notFound("There is no claim with id " + id + "."));
    }

    /** The fields other features add to the claim's JSON ({@link ClaimAddenda}). */
    public java.util.Map<String, Object> addendaJson(long id) {
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        addenda.forEach(a -> fields.putAll(a.json(id)));
        return fields;
    }

    /** The decisions on a claim, oldest first, with their reviewers and evidence. */
    public static List<Review> reviews(long claimId) {
        return Review.<Review> find("select distinct r from Review r join fetch r.reviewer left join fetch r.evidence "
                + "where r.claim.id = ?1 order by r.decidedAt, r.id", claimId).list();
    }

    /** The claim's page without related claims: finding those reads far more than the rest (see benchmarks.md). */
    public Details load(long id, boolean withNeighbours) {
        return load(id, withNeighbours, false);
    }

    /** @param withRelated also find related claims; otherwise {@code related} is null */
    public Details load(long id, boolean withNeighbours, boolean withRelated) {
        Claim claim = claim(id);
        List<Review> reviews = reviews(id);
        List<ClaimEdit> edits = ClaimEdit.<ClaimEdit> find("select e from ClaimEdit e join fetch e.reviewer "
                + "where e.claim.id = ?1 order by e.editedAt, e.id", id).list();
        List<Event> timeline = new ArrayList<>();
        timeline.add(new Event("created", claim.createdAt,
                claim.createdBy == null ? null : claim.createdBy.username, null, null, null));
        edits.forEach(e -> timeline.add(new Event("edited", e.editedAt, e.reviewer.username, null, e, null)));
        reviews.forEach(r -> timeline.add(new Event("decided", r.decidedAt, r.reviewer.username, r, null, null)));
        List<ClaimLinks.View> history = ClaimLinks.of(id);
        for (ClaimLinks.View l : history) {
            timeline.add(new Event("linked", l.createdAt(), l.createdBy(), null, null, l));
            if (!l.isLive()) {
                timeline.add(new Event("unlinked", l.removedAt(), l.removedBy(), null, null, l));
            }
        }
        addenda.forEach(a -> timeline.addAll(a.history(id)));
        timeline.sort(Comparator.comparing(Event::at));
        List<ClaimLinks.View> links = history.stream().filter(ClaimLinks.View::isLive).toList();
        // claims already linked show under the links, not again as suggestions
        List<RelatedClaims.Related> related = withRelated ? relatedClaims.of(id).stream()
                .filter(r -> links.stream().noneMatch(l -> l.otherId() == r.id())).toList() : null;
        List<Claim> sameArticle = withNeighbours && claim.article != null
                ? Claim.<Claim> find("select c from Claim c join fetch c.source where c.article.id = ?1 and c.id <> ?2 "
                        + "order by c.quoteStart nulls last, c.id", claim.article.id, id).page(0, 50).list()
                : List.of();
        return new Details(claim, reviews, timeline, links, related, sameArticle,
                withNeighbours ? excerpt(claim) : null);
    }

    /** The quoted passage with some of the article around it, cut at words; {@code …} marks where it was cut. */
    public record Excerpt(String before, String quoted, String after) {
    }

    /** Characters of context shown on each side of a quote. */
    static final int CONTEXT = 280;

    /**
     * The quote in its article, reading only a window of the text (an article may hold a million characters), or null
     * when the claim points at no place in an article.
     */
    static Excerpt excerpt(Claim claim) {
        if (claim.article == null || claim.quoteStart == null || claim.quoteEnd == null) {
            return null;
        }
        int from = Math.max(0, claim.quoteStart - CONTEXT);
        String text = window(claim.article.id, from, claim.quoteEnd + CONTEXT);
        if (!text.isEmpty() && Character.isLowSurrogate(text.charAt(0))) {
            text = text.substring(1); // the context starts inside an emoji: leave out its second half
            from++;
        }
        int start = Math.min(text.length(), claim.quoteStart - from);
        int end = Math.min(text.length(), claim.quoteEnd - from);
        String before = text.substring(0, start);
        String after = text.substring(end);
        if (from > 0) {
            before = "…" + before.substring(Math.max(0, before.indexOf(' ') + 1)).stripLeading();
        }
        if (after.length() >= CONTEXT) {
            after = after.substring(0, Math.max(0, after.lastIndexOf(' '))).stripTrailing() + "…";
        }
        return new Excerpt(before, text.substring(start, end), after);
    }

    /**
     * The article's text from {@code from} to {@code to}, counted as the ranges are: in Java characters (UTF-16
     * units). PostgreSQL's substring counts code points, which differ once a character outside the BMP (an emoji,
     * 𝔘) comes before; then the text up to {@code to} is read and cut here. Without one, only the window is read.
     */
    private static String window(long articleId, int from, int to) {
        Object[] row = (Object[]) Claim.getEntityManager().createNativeQuery(
                "select p ~ '[\\U00010000-\\U0010FFFF]', case when p ~ '[\\U00010000-\\U0010FFFF]' then p "
                        + "else substring(p from ?1) end from (select substring(body for ?2) p from article where id = ?3) a")
                .setParameter(1, from + 1).setParameter(2, to).setParameter(3, articleId).getSingleResult();
        String text = row[1] == null ? "" : row[1].toString();
        if (!Boolean.TRUE.equals(row[0])) {
            return text;
        }
        int end = Math.min(text.length(), to);
        if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
            end++;
        }
        return text.substring(Math.min(from, end), end);
    }
}
