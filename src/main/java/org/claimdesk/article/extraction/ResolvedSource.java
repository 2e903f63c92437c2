package org.claimdesk.article.extraction;

import java.util.List;

import org.claimdesk.source.SourceKind;

/**
 * Who a candidate attributes its claim to: a source already in the registry ({@code id} set), or a proposed new
 * one ({@code isNew}, with a guessed kind that the reviewer may change). A new source is named as fully as the
 * article names it; {@code aliases} are the article's other names for it ("Dr Fox" for "Liam Fox").
 */
public record ResolvedSource(Long id, String name, SourceKind kind, boolean isNew, List<String> aliases) {

    public ResolvedSource {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public ResolvedSource(Long id, String name, SourceKind kind, boolean isNew) {
        this(id, name, kind, isNew, List.of());
    }
}
