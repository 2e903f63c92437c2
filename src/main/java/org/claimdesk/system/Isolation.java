package org.claimdesk.system;

import io.quarkus.qute.Escaper;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;

/**
 * Shows user text isolated from the page around it: {@code {claim.statement.isolated}} renders the escaped text in a
 * {@code <bdi>}, whose direction comes from its own first strong letter (an Arabic statement reads right to left) and
 * whose direction marks, embeddings and overrides end with it, so they cannot reorder the words after it. This is
 * why those marks can be stored as typed (see {@code UnreadableText} and src/docs/security.md). Use it for text
 * content only; in attributes and in {@code <textarea>}, {@code <title>} and {@code <option>} the plain
 * {@code {value}} stays right (form fields take {@code dir="auto"} from the stylesheet rule on text inputs).
 */
@TemplateExtension
public final class Isolation {

    // the same five characters Qute's own HTML escaping replaces
    private static final Escaper HTML = Escaper.builder().add('"', "&quot;").add('\'', "&#39;").add('&', "&amp;")
            .add('<', "&lt;").add('>', "&gt;").build();

    private Isolation() {
    }

    /** The text escaped and wrapped in {@code <bdi>}; empty for null, as Qute shows null. */
    public static RawString isolated(String text) {
        if (text == null || text.isEmpty()) {
            return new RawString("");
        }
        return new RawString("<bdi>" + HTML.escape(text) + "</bdi>");
    }

    /** Marked-up text the desk built itself (search highlights), isolated the same way. */
    public static RawString isolated(RawString html) {
        if (html == null || html.getValue().isEmpty()) {
            return new RawString("");
        }
        return new RawString("<bdi>" + html.getValue() + "</bdi>");
    }
}
