package org.claimdesk.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.claimdesk.article.Article;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.support.Accounts;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Sources, claims and articles written straight to the database, so that each test starts from its own data. */
final class SourceFixtures {

    private SourceFixtures() {
    }

    static String uniqueName(String prefix) {
        return Accounts.uniqueName(prefix);
    }

    static Source create(String name, SourceKind kind, String country, String... aliases) {
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

    static Claim claim(Source source, String statement, ClaimStatus status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Claim claim = new Claim();
            claim.statement = statement;
            claim.status = status;
            claim.source = Source.findById(source.id);
            claim.persist();
            return claim;
        });
    }

    static Article article(Source publisher, String title) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Article article = new Article();
            article.title = title;
            article.body = "The body of " + title + ".";
            article.publisher = Source.findById(publisher.id);
            article.persist();
            return article;
        });
    }

    static Optional<Source> find(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Source.<Source> findByIdOptional(id).map(source -> {
            source.aliases = new ArrayList<>(source.aliases); // readable after the transaction
            return source;
        }));
    }

    static Source byName(String name) {
        return QuarkusTransaction.requiringNew().call(() -> Source.findByName(name).orElseThrow());
    }

    static long count(String name) {
        return QuarkusTransaction.requiringNew().call(() -> Source.count("lower(name) = lower(?1)", name));
    }

    static long claimsOf(long sourceId) {
        return QuarkusTransaction.requiringNew().call(() -> Claim.count("source.id", sourceId));
    }

    static Long publisherOf(Article article) {
        return QuarkusTransaction.requiringNew().call(
                () -> Article.<Article> findByIdOptional(article.id).map(a -> a.publisher.id).orElseThrow());
    }

    static String createdBy(long sourceId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Source source = Source.findById(sourceId);
            return source.createdBy == null ? null : source.createdBy.username;
        });
    }
}
