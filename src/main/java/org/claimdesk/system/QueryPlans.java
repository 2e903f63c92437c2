package org.claimdesk.system;

import jakarta.persistence.EntityManager;

/** How PostgreSQL should plan the current transaction's queries, where its default guesses wrong. */
public final class QueryPlans {

    private QueryPlans() {
    }

    /**
     * Plans every statement of the current transaction for its actual values. After five runs, the driver's prepared
     * statements get a generic plan, which cannot know whether a search word is rare (an index lookup) or common (a
     * walk), and for text search it often picks the walk: measured 90 ms instead of 5 for sources, 26 instead of 5
     * for related claims. Needs a transaction; it ends with it.
     */
    public static void planForActualValues(EntityManager em) {
        em.createNativeQuery("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)").getSingleResult();
    }
}
