package org.claimdesk.article;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.claimdesk.article.extraction.KnownSource;
import org.claimdesk.source.SourceKind;

/** The desk's sources as the extractor sees them when it resolves mentions, read afresh for each extraction. */
@ApplicationScoped
public class SourceRegistry {

    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    public List<KnownSource> load() {
        List<Object[]> rows = em.createQuery("select s.id, s.name, s.aliases, s.kind, s.country from Source s "
                + "order by s.id").getResultList();
        return rows.stream().map(r -> new KnownSource((Long) r[0], (String) r[1],
                r[2] == null ? List.of() : List.copyOf((List<String>) r[2]), (SourceKind) r[3], (String) r[4]))
                .toList();
    }
}
