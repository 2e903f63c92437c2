package org.claimdesk.article.extraction;

import org.claimdesk.source.SourceKind;

/**
 * Who a candidate attributes its claim to: a source already in the registry ({@code id} set), or a proposed new
 * one ({@code isNew}, with a guessed kind that the reviewer may change).
 */
public record ResolvedSource(Long id, String name, SourceKind kind, boolean isNew) {
}
