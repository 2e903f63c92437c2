package org.claimdesk.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.claimdesk.reviewer.Reviewer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * An article on its way in: its cleaned text and the candidate claims proposed for it, with the reviewer's decisions
 * and edits so far. It belongs to the reviewer who imported it; saving turns it into an article and is its end.
 */
@Entity
@Table(name = "article_draft")
public class ArticleDraft extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id")
    public Reviewer owner;

    public String title;

    /** As typed: the name or alias of a source, resolved when the article is saved. */
    public String publisher;

    public String url;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    public String body;

    @Column(name = "boilerplate_removed")
    public boolean boilerplateRemoved;

    /** How many control or other invisible characters the import took out of the text (ArticleCleaner). */
    @Column(name = "invisible_removed")
    public int invisibleRemoved;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<DraftClaim> candidates = new ArrayList<>();

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
    }

    /** "2 invisible characters removed", as the review page and the flash say it. */
    public static String invisibleRemoved(int count) {
        return count == 1 ? "1 invisible character removed" : count + " invisible characters removed";
    }

    /** The article form this draft was made from, as the article's rules check it. */
    public ArticleForm form() {
        ArticleForm form = new ArticleForm();
        form.title = title;
        form.publisher = publisher;
        form.url = url;
        form.publishedOn = publishedOn == null ? null : publishedOn.toString();
        form.body = body;
        return form;
    }
}
