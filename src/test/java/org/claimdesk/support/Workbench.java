package org.claimdesk.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.claimdesk.article.Article;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.reviewer.Reviewer;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Puts sources, articles and claims straight into the database, each in its own transaction, for tests to read. */
public final class Workbench {

    private Workbench() {
    }

    public static Source source(String name, String... aliases) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Source source = new Source();
            source.name = name;
            source.kind = SourceKind.news_outlet;
            source.aliases = new ArrayList<>(List.of(aliases));
            source.persist();
            return source;
        });
    }

    public static long article(String title, String body, Source publisher) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Article article = new Article();
            article.title = title;
            article.body = body;
            article.publisher = publisher == null ? null : Source.findById(publisher.id);
            article.persist();
            return article.id;
        });
    }

    /** A claim of {@code source} with the given status, assigned to {@code assignee} (or nobody). */
    public static long claim(String statement, Source source, ClaimStatus status, String assignee) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Claim claim = new Claim();
            claim.statement = statement;
            claim.source = Source.findById(source.id);
            claim.assignee = assignee == null ? null : Reviewer.findByUsername(assignee).orElseThrow();
            claim.status = status;
            if (status != ClaimStatus.unverified) {
                // the database holds a decision's time and author together
                claim.decidedAt = Instant.now();
                claim.decidedBy = Reviewer.findByUsername(Accounts.ADMIN).orElseThrow();
            }
            claim.persist();
            return claim.id;
        });
    }

    /** A claim quoting {@code quote} at {@code start} of the article's text. */
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
}
