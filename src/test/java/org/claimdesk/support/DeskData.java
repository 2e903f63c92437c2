package org.claimdesk.support;

import java.util.List;

import org.claimdesk.claim.Claim;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import io.quarkus.arc.Arc;

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

    public static Claim claim(Source source, String statement) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Claim claim = new Claim();
            claim.statement = statement;
            claim.source = Source.findById(source.id);
            claim.persist();
            return claim;
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
                "source.name = ?1 and statement like ?2", sourceName, "%" + words + "%").firstResult());
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
