package org.claimdesk.article;

import java.time.LocalDate;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.claimdesk.reviewer.Audited;
import org.claimdesk.source.Source;

/** A published piece in which claims appear. Claims point at character ranges of its body. */
@Entity
@Table(name = "article")
public class Article extends Audited {

    public String title;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "publisher_id")
    public Source publisher;

    public String url;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    /** Loaded only when read: claim pages and lists name the article but never need its text, up to a million characters. */
    @Basic(fetch = FetchType.LAZY)
    public String body;
}
