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
