package org.claimdesk.article;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.claimdesk.article.ArticleRules.MovedQuote;
import org.claimdesk.article.ArticleRules.QuotesMoved;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.Flash;
import org.claimdesk.system.Role;
import org.claimdesk.system.Routes;
import org.claimdesk.system.Stale;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The articles pages: the list, an article with its claims marked in its text, and the forms to add and edit one. */
@Path("/articles")
@Produces(MediaType.TEXT_HTML)
public class Articles {

    /** One claim of the article, numbered as its quote is in the text (null when it has no range there). */
    public record ArticleClaim(Long id, String statement, Long sourceId, String sourceName, ClaimStatus status,
            Integer quoteStart, Integer quoteEnd, Integer number) {

        /** As the query reads it, before it is numbered. */
        public ArticleClaim(Long id, String statement, Long sourceId, String sourceName, ClaimStatus status,
                Integer quoteStart, Integer quoteEnd) {
            this(id, statement, sourceId, sourceName, status, quoteStart, quoteEnd, null);
        }

        ArticleClaim numbered(Integer newNumber) {
            return new ArticleClaim(id, statement, sourceId, sourceName, status, quoteStart, quoteEnd, newNumber);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(ArticleSearch.Filter filter, ArticleSearch.Page page,
                List<ArticleSearch.Publisher> publishers);

        static native TemplateInstance show(Article article, List<ArticleText.Segment> text,
                List<ArticleClaim> claims, String addClaim);

        static native TemplateInstance create(ArticleForm form, Map<String, String> errors);

        /**
         * {@code article} is what is stored; {@code form} and {@code version} are what the next save sends.
         * {@code stale} explains a refused stale edit; {@code moved} lists the claims a refused text edit would move.
         */
        static native TemplateInstance edit(Article article, ArticleForm form, long version,
                Map<String, String> errors, String stale, List<MovedQuote> moved);
    }

    @Inject
    ArticleRules rules;

    @Inject
    ArticleSearch search;

    @Inject
    EntityManager em;

    @GET
    @RolesAllowed(Role.VIEWER)
    public TemplateInstance index(@RestQuery String q, @RestQuery String publisherId, @RestQuery String after,
            @RestQuery String before) {
        ArticleSearch.Filter filter = ArticleSearch.Filter.parse(q, publisherId);
        return Templates.index(filter, search.page(filter, after, before), search.publishers());
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Role.VIEWER)
    public TemplateInstance show(@RestPath long id) {
        Article article = ArticleRules.find(id);
        List<ArticleClaim> claims = em.createQuery("select c.id, c.statement, s.id, s.name, c.status, c.quoteStart, "
                + "c.quoteEnd from Claim c join c.source s where c.article.id = :id",
                ArticleClaim.class).setParameter("id", id).getResultList();
        List<ArticleText.Segment> text = ArticleText.segments(article.body, claims.stream()
                .filter(c -> c.quoteStart() != null)
                .map(c -> new ArticleText.Quote(c.id(), c.quoteStart(), c.quoteEnd(), c.statement(), c.status()))
                .toList());
        return Templates.show(article, text, inTextOrder(claims, text),
                Routes.newClaim() + "?articleId=" + article.id);
    }

    /** The claims numbered as their quotes are in the text, then those without a place in it, oldest first. */
    private static List<ArticleClaim> inTextOrder(List<ArticleClaim> claims, List<ArticleText.Segment> text) {
        Map<Long, Integer> numbers = new HashMap<>();
        text.forEach(segment -> segment.ends().forEach(mark -> numbers.put(mark.claimId(), mark.number())));
        List<ArticleClaim> numbered = new ArrayList<>();
        claims.forEach(c -> numbered.add(c.numbered(numbers.get(c.id()))));
        numbered.sort(Comparator.comparing(ArticleClaim::number, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ArticleClaim::id));
        return numbered;
    }

    @POST
    @RolesAllowed(Role.REVIEWER)
    public Response processCreationForm(@BeanParam ArticleForm form) {
        try {
            Article created = rules.create(form);
            return Flash.redirect(Routes.article(created.id), "Added the article \"" + created.title + "\".");
        } catch (ClientError refused) {
            if (refused.fieldErrors().isEmpty()) {
                throw refused;
            }
            return Response.status(refused.status()).entity(Templates.create(form, refused.byField())).build();
        }
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed(Role.REVIEWER)
    public TemplateInstance initUpdateForm(@RestPath long id) {
        Article article = ArticleRules.find(id);
        return Templates.edit(article, ArticleForm.of(article), article.version, Map.of(), null, List.of());
    }

    @POST
    @Path("{id}")
    @RolesAllowed(Role.REVIEWER)
    public Response processUpdateForm(@RestPath long id, @BeanParam ArticleForm form, @RestForm Long version) {
        try {
            boolean changed = rules.update(id, form, version);
            return Flash.redirect(Routes.article(id), changed ? "Saved the article." : "Nothing was changed.");
        } catch (Stale stale) {
            // their version is the one a save from this form replaces now
            Article current = ArticleRules.find(id);
            return refused(409, Templates.edit(current, form, current.version, Map.of(), stale.getMessage(), List.of()));
        } catch (QuotesMoved moved) {
            return refused(409, Templates.edit(ArticleRules.find(id), form, version, Map.of(), null, moved.quotes()));
        } catch (ClientError refused) {
            if (refused.fieldErrors().isEmpty()) {
                throw refused;
            }
            return refused(refused.status(),
                    Templates.edit(ArticleRules.find(id), form, version, refused.byField(), null, List.of()));
        }
    }

    private static Response refused(int status, TemplateInstance page) {
        return Response.status(status).entity(page).build();
    }

}
