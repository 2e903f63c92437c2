package org.claimdesk.article.extraction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a PolNeAR split: each article's text and the attributions of its first annotator (BRAT standoff files,
 * {@code name_annotator.ann}; spans may be discontinuous, "a b;c d").
 */
final class PolnearCorpus {

    /** A span that may come in pieces. */
    record Pieces(List<Span> parts) {

        int length() {
            return parts.stream().mapToInt(Span::length).sum();
        }

        int overlap(Span other) {
            return parts.stream().mapToInt(p -> p.overlap(other)).sum();
        }
    }

    /** One hand-labelled attribution; {@code source} is null when the annotator marked none. */
    record Attribution(Pieces content, Pieces source, Pieces cue) {
    }

    record Article(String name, String text, List<Attribution> attributions) {
    }

    private PolnearCorpus() {
    }

    static List<Article> read(Path split) {
        Path texts = split.resolve("text");
        Path annotations = split.resolve("attributions");
        try (Stream<Path> files = Files.list(texts)) {
            List<Article> articles = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
                Path ann = firstAnnotation(annotations, name);
                if (ann == null) {
                    continue;
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                articles.add(new Article(name, text, attributions(Files.readString(ann, StandardCharsets.UTF_8))));
            }
            return articles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path firstAnnotation(Path folder, String name) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> {
                String f = p.getFileName().toString();
                return f.startsWith(name + "_") && f.endsWith(".ann") && f.length() == name.length() + 9;
            }).sorted().findFirst().orElse(null);
        }
    }

    static List<Attribution> attributions(String ann) {
        Map<String, Pieces> spans = new HashMap<>();
        List<String[]> events = new ArrayList<>();
        for (String line : ann.split("\n")) {
            String[] cols = line.split("\t");
            if (cols.length < 2) {
                continue;
            }
            if (cols[0].matches("T\\d+")) {
                String[] typeAndRange = cols[1].split(" ", 2);
                List<Span> parts = new ArrayList<>();
                for (String piece : typeAndRange[1].split(";")) {
                    String[] ab = piece.strip().split(" ");
                    parts.add(new Span(Integer.parseInt(ab[0]), Integer.parseInt(ab[1])));
                }
                spans.put(cols[0], new Pieces(parts));
            } else if (cols[0].matches("E\\d+")) {
                events.add(cols[1].split(" "));
            }
        }
        List<Attribution> out = new ArrayList<>();
        for (String[] args : events) {
            Map<String, String> roles = new HashMap<>();
            for (String arg : args) {
                String[] kv = arg.split(":");
                if (kv.length == 2) {
                    roles.put(kv[0].replaceAll("\\d+$", ""), kv[1]);
                }
            }
            Pieces content = spans.get(roles.get("Content"));
            if (content != null) {
                out.add(new Attribution(content, spans.get(roles.get("Source")), spans.get(roles.get("Cue"))));
            }
        }
        return out;
    }
}
