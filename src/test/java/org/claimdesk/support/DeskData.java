package org.claimdesk.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.claimdesk.match.ClaimVectors;
import org.claimdesk.article.Article;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.reviewer.Reviewer;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;

import jakarta.persistence.EntityManager;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Puts sources and claims straight into the database, each in its own committed transaction, for tests to act on. */
public final class DeskData {

    private DeskData() {
    }

    /** A new source with a unique name starting with {@code prefix}. */
    public static Source source(String prefix, SourceKind kind) {
        String name = Accounts.uniqueName(prefix);
        return QuarkusTransaction.requiringNew().call(() -> {
            Source source = new Source();
            source.name = name;
            source.kind = kind;
            source.persist();
            return source;
        });
    }

    /** A source with exactly this name. */
    public static Source source(String name, SourceKind kind, String country, String... aliases) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Source source = new Source();
            source.name = name;
            source.kind = kind;
            source.country = country;
            source.aliases = new ArrayList<>(List.of(aliases));
            source.persist();
            return source;
        });
    }

    public static Claim claim(Source source, String statement) {
        return claim(source, statement, ClaimStatus.unverified, null);
    }

    /** A claim with the given status (decided by the demo admin, if decided), assigned to {@code assignee} or nobody. */
    public static Claim claim(Source source, String statement, ClaimStatus status, String assignee) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Claim claim = new Claim();
            claim.statement = statement;
            claim.source = Source.findById(source.id);
            claim.status = status;
            claim.assignee = assignee == null ? null : Reviewer.findByUsername(assignee).orElseThrow();
            if (status != ClaimStatus.unverified) {
                // the database holds a decision's time and author together
                claim.decidedAt = Instant.now();
                claim.decidedBy = Reviewer.findByUsername(Accounts.ADMIN).orElseThrow();
            }
            claim.persist();
            // as every way the app stores a claim does, in the same transaction (match.ClaimVectors)
            Arc.container().instance(ClaimVectors.class).get()
                    .store(claim.id, claim.statement);
            return claim;
        });
    }

    public static Article article(String title, String body, Source publisher) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Article article = new Article();
            article.title = title;
            article.body = body;
            article.publisher = publisher == null ? null : Source.findById(publisher.id);
            article.persist();
            return article;
        });
    }

    /** A claim quoting {@code quote} at {@code start} of the article's text; returns its id. */
    public static long claimQuoting(long articleId, int start, String quote, Source source) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Claim claim = new Claim();
            claim.statement = "Quoted: " + quote;
            claim.quote = quote;
            claim.source = Source.findById(source.id);
            claim.article = Article.findById(articleId);
            claim.quoteStart = start;
            claim.quoteEnd = start + quote.length();
            claim.persist();
            return claim.id;
        });
    }

    public static Claim findClaim(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Claim claim = Claim.findById(id);
            claim.source.name.length(); // load the source while the session is open
            return claim;
        });
    }

    /** The demo desk's claim made by the source named {@code sourceName} whose statement contains {@code words}. */
    public static Claim demoClaim(String sourceName, String words) {
        return QuarkusTransaction.requiringNew().call(() -> Claim.<Claim> find(
                "select c from Claim c join fetch c.source s where s.name = ?1 and c.statement like ?2 order by c.id",
                sourceName,
                "%" + words + "%").firstResult());
    }

    /** Runs a native SQL query and returns its single number. */
    public static long number(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    public static List<String> strings(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            @SuppressWarnings("unchecked")
            List<Object> rows = query.getResultList();
            return rows.stream().map(String::valueOf).toList();
        });
    }
}
