package org.claimdesk.article;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * The language an article is written in, so that the import proposes candidates only for text its extractor reads
 * (English rules: a Korean or Russian article would get wrong English-rule candidates). Lingua's n-gram models of
 * the languages a desk about Korea, Russia and Japan meets are loaded once, on the first article (about a second;
 * see src/docs/benchmarks.md); nothing is downloaded.
 */
@ApplicationScoped
public class ArticleLanguage {

    /** What the import learns: the language's English name and whether the extractor reads it. */
    public record Detected(String name, String isoCode, boolean readable) {
    }

    /** The languages the extractor reads: its cue lists and rules are English. */
    private static final List<Language> READ = List.of(Language.ENGLISH);

    /** The languages told apart: English and the ones newsrooms paste most beside it. */
    private static final Language[] KNOWN = { Language.ENGLISH, Language.KOREAN, Language.JAPANESE,
            Language.CHINESE, Language.RUSSIAN, Language.UKRAINIAN, Language.ARABIC, Language.HEBREW,
            Language.PERSIAN, Language.FRENCH, Language.GERMAN, Language.SPANISH, Language.PORTUGUESE,
            Language.ITALIAN, Language.TURKISH, Language.VIETNAMESE, Language.INDONESIAN, Language.POLISH,
            Language.DUTCH };

    /** Text shorter than this says too little to judge; the import then reads it as English, as before. */
    static final int MIN_LETTERS = 20;

    /** Enough of an article to judge its language; the rest only costs time. */
    static final int SAMPLE = 2_000;

    /**
     * How far ahead of the runner-up the most likely language must be (Lingua's relative distance); closer than this,
     * the language is unknown and the import extracts as before.
     */
    static final double MIN_DISTANCE = 0.1;

    private volatile LanguageDetector detector;

    /**
     * The article's language, or null when the text is too short or mixed to tell; a caller treats null as text the
     * extractor may read.
     */
    public Detected of(String text) {
        if (text == null) {
            return null;
        }
        String sample = text.length() > SAMPLE ? text.substring(0, cut(text)) : text;
        if (sample.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return null;
        }
        Language language = detector().detectLanguageOf(sample);
        if (language == Language.UNKNOWN) {
            return null;
        }
        String name = language.name().charAt(0) + language.name().substring(1).toLowerCase(Locale.ROOT);
        return new Detected(name, language.getIsoCode639_1().name().toLowerCase(Locale.ROOT),
                READ.contains(language));
    }

    /** Loads the models now rather than on the first article (a benchmark measures it this way). */
    public void load() {
        detector();
    }

    private static int cut(String text) {
        int end = SAMPLE;
        return Character.isLowSurrogate(text.charAt(end)) ? end - 1 : end;
    }

    private LanguageDetector detector() {
        LanguageDetector loaded = detector;
        if (loaded == null) {
            synchronized (this) {
                loaded = detector;
                if (loaded == null) {
                    loaded = LanguageDetectorBuilder.fromLanguages(KNOWN).withMinimumRelativeDistance(MIN_DISTANCE)
                            .withLowAccuracyMode().withPreloadedLanguageModels().build();
                    detector = loaded;
                }
            }
        }
        return loaded;
    }
}
