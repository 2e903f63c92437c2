package org.claimdesk.article.extraction;

import java.util.List;

/** Finds candidate attributed claims in an article's clean text, resolving their sources against a registry. */
public final class Extractor {

    private final List<KnownSource> registry;

    public Extractor(List<KnownSource> registry) {
        this.registry = List.copyOf(registry);
    }

    /** The candidates in text order; deterministic, with no network. The rules are still to come. */
    public List<Candidate> extract(String text) {
        return List.of();
    }
}
