package org.claimdesk.article.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.claimdesk.support.ToolCondition;
import org.claimdesk.support.Tools;
import org.claimdesk.system.FieldErrors;
import org.junit.jupiter.api.Test;

/**
 * Every PolNeAR article of train and dev (every text file, annotated or not) goes through the import's cleaning and
 * extraction without error, and comes out as text the article's rules store.
 */
class PolnearArticlesTest {

    private static final Path POLNEAR = Path.of(System.getProperty("polnear", "../shared/datasets/polnear"));

    @Test
    void everyArticleOfTrainAndDevIsCleanedToStorableTextAndExtracts() throws IOException {
        ToolCondition.assume(Tools.Tool.DATA);
        Extractor extractor = new Extractor(List.of());
        int articles = 0;
        List<String> cleaned = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String split : List.of("train", "dev")) {
            List<Path> files;
            try (Stream<Path> list = Files.list(POLNEAR.resolve(split).resolve("text"))) {
                files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            }
            for (Path file : files) {
                articles++;
                String name = file.getFileName().toString();
                CleanedArticle clean = ArticleCleaner.fromText(
                        Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n"));
                if (clean.invisibleRemoved() > 0) {
                    cleaned.add(name);
                }
                String text = clean.text().strip();
                try {
                    extractor.extract(text);
                    if (!FieldErrors.printable(text) || !ArticleCleaner.removeInvisible(text).equals(text)) {
                        failed.add(name + ": not storable after cleaning");
                    }
                } catch (RuntimeException e) {
                    failed.add(name + ": " + e);
                }
            }
        }
        System.out.println("PolNeAR train and dev: " + articles + " articles extracted, " + cleaned.size()
                + " had invisible characters removed " + cleaned);
        assertEquals(List.of(), failed);
        assertTrue(articles > 900, articles + " articles read");
        assertTrue(cleaned.size() >= 10, "the articles with a stray control character or override: " + cleaned);
    }
}
