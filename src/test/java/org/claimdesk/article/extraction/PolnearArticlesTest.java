package org.claimdesk.article.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.claimdesk.system.FieldErrors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every PolNeAR article of train and dev goes through the import's cleaning and extraction without error. */
class PolnearArticlesTest {

    private static final Path POLNEAR = Path.of(System.getProperty("polnear", "../shared/datasets/polnear"));

    @Test
    void everyArticleOfTrainAndDevIsCleanedToStorableTextAndExtracts() {
        Assumptions.assumeTrue(Files.isDirectory(POLNEAR.resolve("train")), "PolNeAR is at " + POLNEAR);
        Extractor extractor = new Extractor(List.of());
        int articles = 0;
        List<String> cleaned = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String split : List.of("train", "dev")) {
            for (PolnearCorpus.Article article : PolnearCorpus.read(POLNEAR.resolve(split))) {
                articles++;
                CleanedArticle clean = ArticleCleaner.fromText(article.text().replace("\r\n", "\n"));
                if (clean.invisibleRemoved() > 0) {
                    cleaned.add(article.name());
                }
                String text = clean.text().strip();
                try {
                    extractor.extract(text);
                    if (!FieldErrors.printable(text) || !ArticleCleaner.removeInvisible(text).equals(text)) {
                        failed.add(article.name() + ": not storable after cleaning");
                    }
                } catch (RuntimeException e) {
                    failed.add(article.name() + ": " + e);
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
