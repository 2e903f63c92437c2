package org.claimdesk.publish;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.claimdesk.claim.Claim;
import org.claimdesk.reviewer.Reviewer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A claim's public fact-check at {@code /fact-checks/{slug}}. It exists from the first publication on; while
 * {@link #publishedAt} is null the claim is unpublished and nothing of it is public.
 */
@Entity
@Table(name = "publication")
public class Publication extends PanacheEntityBase {

    static final int MAX_SLUG_WORDS = 80;

    @Id
    @Column(name = "claim_id")
    public Long claimId;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @MapsId
    @JoinColumn(name = "claim_id")
    public Claim claim;

    /** Given at the first publication and never changed: edits and republishing keep the public address. */
    public String slug;

    @Column(name = "first_published_at")
    public Instant firstPublishedAt;

    /** When the claim was last put online; null while it is unpublished. */
    @Column(name = "published_at")
    public Instant publishedAt;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "published_by")
    public Reviewer publishedBy;

    @Version
    public long version;

    public boolean isLive() {
        return publishedAt != null;
    }

    /** The publication of a claim, published now or before. */
    public static Optional<Publication> of(long claimId) {
        return findByIdOptional(claimId);
    }

    /** The live publication at this slug, with its claim and source; empty when unpublished or unknown. */
    public static Optional<Publication> live(String slug) {
        return find("select p from Publication p join fetch p.claim c join fetch c.source "
                + "where p.slug = ?1 and p.publishedAt is not null", slug).firstResultOptional();
    }

    /**
     * The slug a claim gets at its first publication: the statement's words in ASCII, cut at a word, then the claim's
     * number, which makes it unique without a lookup ({@code kcna-says-shell-output-doubled-17}).
     */
    public static String slugFor(Claim claim) {
        String ascii = Normalizer.normalize(claim.statement == null ? "" : claim.statement, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        String words = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (words.length() > MAX_SLUG_WORDS) {
            int cut = words.lastIndexOf('-', MAX_SLUG_WORDS);
            words = words.substring(0, cut > 0 ? cut : MAX_SLUG_WORDS);
        }
        return (words.isEmpty() ? "claim" : words) + "-" + claim.id;
    }
}
