package org.claimdesk.article.extraction;

import java.util.List;

import org.claimdesk.source.SourceKind;

/** A source from the desk's registry, as the extractor sees it when it resolves mentions. */
public record KnownSource(long id, String name, List<String> aliases, SourceKind kind) {
}
