package org.claimdesk.article.extraction;

/** Turns pasted text or an uploaded HTML page into an article's clean text. */
public final class ArticleCleaner {

    private ArticleCleaner() {
    }

    /** Plain text as pasted or uploaded; boilerplate removal is still to come. */
    public static CleanedArticle fromText(String text) {
        return new CleanedArticle(text, null, null, false);
    }
}
