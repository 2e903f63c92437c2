package org.claimdesk.article.extraction;

import java.time.LocalDate;

/**
 * An article's text made ready for storage and extraction: boilerplate such as "You may also like" lists removed,
 * paragraph breaks kept. {@code title} and {@code publishedOn} come from HTML meta tags when present, else null.
 * When nothing was removed from plain text, {@code text} equals the input exactly. {@code invisibleRemoved} counts
 * the control characters and other invisible ones taken out ({@link ArticleCleaner#isInvisible}).
 */
public record CleanedArticle(String text, String title, LocalDate publishedOn, boolean boilerplateRemoved,
        int invisibleRemoved) {

    public CleanedArticle(String text, String title, LocalDate publishedOn, boolean boilerplateRemoved) {
        this(text, title, publishedOn, boilerplateRemoved, 0);
    }
}
