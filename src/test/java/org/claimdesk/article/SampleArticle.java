package org.claimdesk.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The sample article about North Korea's shells and its hand-made gold list, as the demo desk ships them. */
final class SampleArticle {

    /** A claim the extractor must find: its sentence exactly as printed and the canonical names of its sources. */
    record Required(String sentence, List<String> sources) {
    }

    static final String TEXT = read("kcna-shells-article.txt");
    static final List<Required> REQUIRED;
    static final String BOILERPLATE_STARTS_AT;

    static {
        try {
            JsonNode gold = new ObjectMapper().readTree(read("kcna-shells-article.gold.json"));
            List<Required> required = new ArrayList<>();
            for (JsonNode r : gold.get("required")) {
                List<String> sources = new ArrayList<>();
                r.get("sources").forEach(s -> sources.add(s.asText()));
                required.add(new Required(r.get("sentence").asText(), List.copyOf(sources)));
            }
            REQUIRED = List.copyOf(required);
            BOILERPLATE_STARTS_AT = gold.get("boilerplate_starts_at").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SampleArticle() {
    }

    private static String read(String name) {
        try (InputStream in = SampleArticle.class.getResourceAsStream("/org/claimdesk/demo/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
