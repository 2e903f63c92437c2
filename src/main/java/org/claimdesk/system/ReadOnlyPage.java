package org.claimdesk.system;

import org.hibernate.FlushMode;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Marks the current transaction as one that only reads, for a page that shows entities: Hibernate then keeps no
 * copies of their loaded state and checks none of them for changes at commit, which on a claim page with 50
 * decisions and their evidence was a measurable share of the request (see benchmarks.md, issue 17).
 */
public final class ReadOnlyPage {

    private ReadOnlyPage() {
    }

    /** Call first in a GET handler's transaction, before anything is loaded. */
    public static void begin() {
        var session = Panache.getSession();
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
    }
}
