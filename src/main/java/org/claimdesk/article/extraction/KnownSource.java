package org.claimdesk.article.extraction;

import java.util.List;

import org.claimdesk.source.SourceKind;

/**
 * A source from the desk's registry, as the extractor sees it when it resolves mentions. {@code country} is the ISO
 * 3166 code or null; with the kind it lets "South Korean intelligence" find South Korea's intelligence agency.
 */
public record KnownSource(long id, String name, List<String> aliases, SourceKind kind, String country) {
}
