package org.claimdesk.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.RawString;

/**
 * JSON-LD for a {@code <script type="application/ld+json">} block. Qute would HTML-escape it (and so break the JSON),
 * so it is written here with every character that could end the script element or start markup ({@code < > &}, and
 * the JavaScript line separators) as a JSON unicode escape. The result parses to the same JSON and cannot contain
 * {@code </script>}, whatever the statement or rationale says; it is the only raw text of the public pages.
 */
public final class JsonLd {

    private JsonLd() {
    }

    public static RawString forScript(ObjectMapper mapper, JsonNode json) {
        try {
            return new RawString(escape(mapper.writeValueAsString(json)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ClaimReview could not be written as JSON", e);
        }
    }

    /** Escapes outside JSON strings are impossible: those characters occur only inside strings, where \\uXXXX is valid. */
    static String escape(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
