package org.claimdesk.system;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/**
 * Marks the form fields of a handler that take real-world text which the handler cleans itself (a pasted article
 * with a stray control character left by a bad encoding), so that {@link UnreadableText} lets them through instead of
 * refusing the request. A JSON property of that kind is read with {@link Json}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CleanedText {

    /** The names of the form fields the handler cleans. */
    String[] value();

    /** Reads a JSON string property as sent, for the handler to clean: {@code @JsonDeserialize(using = ...)}. */
    final class Json extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                // a number or an object where text belongs is still the client's mistake
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            return super.deserialize(parser, context);
        }
    }
}
