package org.claimdesk.article;

import org.jboss.resteasy.reactive.RestForm;

/** The article form as the reviewer typed it, so that a refused form comes back exactly as it was sent. */
public class ArticleForm {

    @RestForm
    public String title;

    /** The exact name or an alias of a source. */
    @RestForm
    public String publisher;

    @RestForm
    public String url;

    /** YYYY-MM-DD, as a date input sends it. */
    @RestForm
    public String publishedOn;

    @RestForm
    public String body;

    public static ArticleForm empty() {
        return new ArticleForm();
    }

    /** The form filled in with what is stored. */
    public static ArticleForm of(Article article) {
        ArticleForm form = new ArticleForm();
        form.title = article.title;
        form.publisher = article.publisher == null ? null : article.publisher.name;
        form.url = article.url;
        form.publishedOn = article.publishedOn == null ? null : article.publishedOn.toString();
        form.body = article.body;
        return form;
    }
}
