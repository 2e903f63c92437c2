package org.claimdesk.system;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Refuses text that no one types: control characters (NUL among them, which PostgreSQL cannot store), unpaired
 * surrogates, and the replacement character that stands for bytes that were not UTF-8. Forms, addresses and JSON are
 * checked before anything reads them, so such a request gets a 400 that names the field, and nothing of it is
 * stored. Tabs and line breaks are text, and so are direction marks, embeddings, overrides and isolates (U+200E,
 * U+202A–U+202E, U+2066–U+2069): Arabic and Hebrew text copied from the web holds them, and every page shows user
 * text isolated ({@code Isolation}), so they cannot reorder anything around it.
 */
public class UnreadableText {

    @Inject
    ErrorPages pages;

    /** Why {@code value} is refused, or null when it is text. */
    public static String problem(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                return "contains a control character (code " + (int) c + "), which is not text. Remove it and try again.";
            }
            if (c == 0xfffd || c == 0xfffe || c == 0xffff) {
                return "is not valid UTF-8 text. Send it as UTF-8 and try again.";
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!paired) {
                    return "is not valid UTF-8 text (a lone surrogate). Send it as UTF-8 and try again.";
                }
                i++;
            }
        }
        return null;
    }

    @ServerRequestFilter(readBody = true)
    public Response refuse(ResteasyReactiveContainerRequestContext request, ResourceInfo resource) {
        String path = ErrorPages.pathOf(request.getUriInfo());
        for (Map.Entry<String, List<String>> param : request.getUriInfo().getQueryParameters().entrySet()) {
            for (String value : param.getValue()) {
                String problem = problem(value);
                if (problem != null) {
                    return refusal(param.getKey(), problem, path);
                }
            }
        }
        FormData form = request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context
                ? context.getFormData() : null;
        if (form == null) {
            return null;
        }
        CleanedText cleaned = resource == null || resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(CleanedText.class);
        Set<String> cleanedFields = cleaned == null ? Set.of() : Set.of(cleaned.value());
        for (String name : form) {
            if (cleanedFields.contains(name)) {
                continue; // the handler cleans this text itself
            }
            for (var value : form.get(name)) {
                String problem = value.isFileItem() ? null : problem(value.getValue());
                if (problem != null) {
                    return refusal(name, problem, path);
                }
            }
        }
        return null;
    }

    private Response refusal(String field, String problem, String path) {
        return pages.response(400, "The field \"" + field + "\" " + problem, path,
                List.of(ClientError.fieldError(field, "This " + problem)));
    }

    /** The API's JSON strings pass the same check; a refused one is a 400 naming its field. */
    static SimpleModule jsonModule() {
        return new SimpleModule("unreadable-text").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                    // a number or true where text belongs is a client's mistake, not text to store
                    return (String) context.handleUnexpectedToken(String.class, parser);
                }
                String value = super.deserialize(parser, context);
                String problem = problem(value);
                if (problem != null) {
                    throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(parser,
                            "The text " + problem, value, String.class);
                }
                return value;
            }
        });
    }
}
