package org.claimdesk.article.extraction;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Scores source resolution on the samples' {@code *.resolution.json} files as their README defines it: a gold claim
 * is found when a candidate's sentence contains its {@code sentence_contains}; its source is right when the
 * candidate's resolved source name (or one of its names) equals one of the entity's names, ignoring case and a
 * leading "the"; duplication is the number of distinct source names proposed for the article over its number of
 * entities. When several candidates lie in a claim's sentence, the strict score (the headline) wants all of them
 * right, the lenient one any.
 */
final class ResolutionScore {

    /** Counts for one file or a total. */
    static final class Score {
        int claims;
        int found;
        int rightStrict;
        int rightLenient;
        int names;
        int entities;

        void add(Score other) {
            claims += other.claims;
            found += other.found;
            rightStrict += other.rightStrict;
            rightLenient += other.rightLenient;
            names += other.names;
            entities += other.entities;
        }

        double strict() {
            return found == 0 ? 0 : (double) rightStrict / found;
        }

        double lenient() {
            return found == 0 ? 0 : (double) rightLenient / found;
        }

        double duplication() {
            return entities == 0 ? 0 : (double) names / entities;
        }
    }

    private ResolutionScore() {
    }

    /** The resolution score alone, with every wrong or missed claim: {@code -Dsamples=...} as for the evaluation. */
    public static void main(String[] args) {
        Path samples = Path.of(System.getProperty("samples", "../shared/samples"));
        print(new Extractor(org.claimdesk.demo.DemoDesk.registry()), samples, System.out, System.out);
    }

    /** Prints one row per resolution file and their total; {@code log} gets each wrong or missed claim, or null. */
    static Score print(Extractor extractor, Path samples, PrintStream out, PrintStream log) {
        out.println("\nSource resolution on " + samples + "/*.resolution.json (source right: all candidates of "
                + "the claim's sentence / any of them)");
        out.printf(Locale.ROOT, "%-52s %6s %6s %8s %8s %6s %6s %6s%n", "file", "claims", "found", "right", "anyRight",
                "names", "ents", "dup");
        Score total = new Score();
        for (Path file : files(samples)) {
            Score score = file(extractor, file, log);
            row(out, file.getFileName().toString(), score);
            total.add(score);
        }
        row(out, "TOTAL resolution files", total);
        return total;
    }

    private static void row(PrintStream out, String name, Score s) {
        out.printf(Locale.ROOT, "%-52s %6d %6d %8.3f %8.3f %6d %6d %6.2f%n",
                name.length() > 52 ? name.substring(0, 52) : name, s.claims, s.found, s.strict(), s.lenient(),
                s.names, s.entities, s.duplication());
    }

    static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".resolution.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The article's body: its file holds the title, a blank line, then the body. */
    static String body(Path articleFile) {
        try {
            String raw = Files.readString(articleFile, StandardCharsets.UTF_8).replace("\r\n", "\n");
            int blank = raw.indexOf("\n\n");
            return ArticleCleaner.fromText(blank < 0 ? raw : raw.substring(blank + 2)).text();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Score file(Extractor extractor, Path goldFile, PrintStream log) {
        JsonNode gold;
        try {
            gold = new ObjectMapper().readTree(Files.readString(goldFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = body(goldFile.resolveSibling(gold.path("article").asText()));
        return score(extractor.extract(text), gold, log);
    }

    static Score score(List<Candidate> candidates, JsonNode gold, PrintStream log) {
        Score score = new Score();
        List<Set<String>> entityNames = new ArrayList<>();
        Map<String, Set<String>> byEntity = new java.util.HashMap<>();
        for (Map.Entry<String, JsonNode> entity : gold.path("entities").properties()) {
            Set<String> names = new HashSet<>();
            entity.getValue().forEach(n -> names.add(key(n.asText())));
            names.add(key(entity.getKey()));
            entityNames.add(names);
            byEntity.put(entity.getKey(), names);
        }
        score.entities = entityNames.size();
        Set<String> proposed = new HashSet<>();
        for (Candidate c : candidates) {
            c.sources().forEach(s -> proposed.add(key(s.name())));
        }
        score.names = proposed.size();
        for (JsonNode claim : gold.path("claims")) {
            score.claims++;
            String contains = claim.path("sentence_contains").asText();
            List<Candidate> inSentence = candidates.stream().filter(c -> c.sentence().contains(contains)).toList();
            if (inSentence.isEmpty()) {
                if (log != null) {
                    log.println("  missed: " + contains);
                }
                continue;
            }
            score.found++;
            Set<String> names = byEntity.getOrDefault(claim.path("source").asText(), Set.of());
            List<Boolean> right = inSentence.stream()
                    .map(c -> c.sources().stream().anyMatch(s -> names.contains(key(s.name())))).toList();
            if (!right.contains(false)) {
                score.rightStrict++;
            }
            if (right.contains(true)) {
                score.rightLenient++;
            }
            if (right.contains(false) && log != null) {
                log.println("  wrong source for \"" + contains + "\": " + inSentence.stream()
                        .map(c -> c.sourceMention() + " -> " + c.sources().stream().map(ResolvedSource::name).toList())
                        .toList() + ", want " + claim.path("source").asText());
            }
        }
        if (log != null) {
            for (Candidate c : candidates) {
                log.println("  candidate [" + c.rule() + " " + c.confidence() + "] " + c.sourceMention() + " / "
                        + c.cue() + " -> " + c.sources().stream().map(ResolvedSource::name).toList() + ": "
                        + c.claimText().replace('\n', ' '));
            }
            log.println("  proposed names: " + proposed);
        }
        return score;
    }

    /** A name as the README compares them: case ignored, a leading "the" dropped. */
    static String key(String name) {
        String s = name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return s.startsWith("the ") ? s.substring(4) : s;
    }
}
