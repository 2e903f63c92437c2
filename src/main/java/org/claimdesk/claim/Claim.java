package org.claimdesk.claim;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.claimdesk.article.Article;
import org.claimdesk.attribution.AttributionKind;
import org.claimdesk.attribution.AttributionStatus;
import org.claimdesk.reviewer.Audited;
import org.claimdesk.reviewer.Reviewer;
import org.claimdesk.source.Source;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An attributed claim: the proposition being checked (statement), the words as printed (quote), the source that made
 * it and the article it appeared in. Its status changes only through a recorded decision ({@code review.Verdicts}).
 */
@Entity
@Table(name = "claim")
public class Claim extends Audited {

    public String statement;

    public String quote;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_id")
    public Source source;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "article_id")
    public Article article;

    /** The quote's character range in the article's body: start inclusive, end exclusive. */
    @Column(name = "quote_start")
    public Integer quoteStart;

    @Column(name = "quote_end")
    public Integer quoteEnd;

    @Column(name = "claim_date")
    public LocalDate claimDate;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> tags = new ArrayList<>();

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignee_id")
    public Reviewer assignee;

    @Enumerated(EnumType.STRING)
    public ClaimStatus status = ClaimStatus.unverified;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "decided_by")
    public Reviewer decidedBy;

    /** The verdict wording the claim arrived with from an import ("Pants on Fire"), as the other desk wrote it. */
    @Column(name = "original_rating")
    public String originalRating;

    /** Set at triage (workflow.Triage); orders "My queue". */
    @Enumerated(EnumType.STRING)
    public Priority priority = Priority.normal;

    /** Whether the source really said it (issue 19); changes only through {@code attribution.AttributionVerdicts}. */
    @Enumerated(EnumType.STRING)
    @Column(name = "attribution_status")
    public AttributionStatus attributionStatus = AttributionStatus.unconfirmed;

    @Enumerated(EnumType.STRING)
    @Column(name = "attribution_kind")
    public AttributionKind attributionKind;

    /** When an unverified claim should be looked at again. */
    @Column(name = "recheck_on")
    public LocalDate recheckOn;

    /** Kept by the database (V16) when the claim is resolved: decided, or found misattributed. */
    @Column(name = "resolved_at", insertable = false, updatable = false)
    public Instant resolvedAt;

    @Column(name = "resolved_after_days", insertable = false, updatable = false)
    public Integer resolvedAfterDays;
}
