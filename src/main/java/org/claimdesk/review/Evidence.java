package org.claimdesk.review;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A link a decision rests on: a document that supports or refutes the claim, or gives context. */
@Entity
@Table(name = "evidence")
@Immutable
public class Evidence extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "review_id")
    public Review review;

    public int position;

    public String url;

    public String title;

    @Enumerated(EnumType.STRING)
    public Stance stance;

    public String note = "";
}
