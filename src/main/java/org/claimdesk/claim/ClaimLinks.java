package org.claimdesk.claim;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.claimdesk.reviewer.CurrentReviewer;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.hibernate.exception.ConstraintViolationException;

/** Reviewers' judgements that two claims are the same claim or contradict each other; shown on both claims. */
@ApplicationScoped
public class ClaimLinks {

    /** A link as seen from one of its claims: the other claim and how they relate. */
    public record View(long linkId, LinkKind kind, String note, long otherId, String otherStatement,
            ClaimStatus otherStatus, String otherSource, String createdBy, Instant createdAt, String removedBy,
            Instant removedAt) {

        public boolean isLive() {
            return removedAt == null;
        }
    }

    @Inject
    CurrentReviewer me;

    @Transactional
    public ClaimLink link(long claimId, Long otherId, String kindName, String noteText) {
        FieldErrors errors = new FieldErrors();
        LinkKind kind = LinkKind.parse(kindName).orElse(null);
        if (kind == null) {
            errors.add("kind", "Say whether the claims are the same claim or contradict each other.");
        }
        String note = errors.text("note", "the note", noteText, 1000, false);
        if (otherId == null) {
            errors.add("otherId", "Choose the claim to link to.");
        } else if (otherId == claimId) {
            errors.add("otherId", "A claim cannot be linked to itself.");
        }
        errors.throwIfAny();
        Claim claim = ClaimRules.find(claimId);
        Claim other = Claim.<Claim> findByIdOptional(otherId)
                .orElseThrow(() -> ClientError.badRequest("There is no claim with id " + otherId + " to link to."));
        ClaimLink link = new ClaimLink();
        link.claim = claim.id < other.id ? claim : other;
        link.other = claim.id < other.id ? other : claim;
        link.kind = kind;
        link.note = note == null ? "" : note;
        link.createdBy = me.get();
        ClaimLink existing = ClaimLink.find("claim = ?1 and other = ?2 and removedAt is null", link.claim, link.other)
                .firstResult();
        if (existing != null) {
            throw alreadyLinked(existing);
        }
        try {
            link.persist();
            ClaimLink.flush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw ClientError.conflict("These claims were linked by someone else a moment ago.");
            }
            throw e;
        }
        return link;
    }

    @Transactional
    public void unlink(long claimId, long linkId) {
        ClaimLink link = ClaimLink.<ClaimLink> findByIdOptional(linkId, LockModeType.PESSIMISTIC_WRITE)
                .filter(l -> (l.claim.id == claimId || l.other.id == claimId) && l.removedAt == null)
                .orElseThrow(() -> ClientError.notFound("This claim has no link with id " + linkId + "."));
        link.removedBy = me.get();
        link.removedAt = Instant.now();
    }

    /** Every link the claim has had, live and removed, oldest first. */
    public static List<View> of(long claimId) {
        List<ClaimLink> links = ClaimLink.find("select l from ClaimLink l join fetch l.claim c join fetch l.other o "
                + "join fetch c.source join fetch o.source left join fetch l.createdBy left join fetch l.removedBy "
                + "where c.id = ?1 or o.id = ?1 order by l.createdAt, l.id", claimId).list();
        return links.stream().map(l -> {
            Claim other = l.claim.id == claimId ? l.other : l.claim;
            return new View(l.id, l.kind, l.note, other.id, other.statement, other.status, other.source.name,
                    l.createdBy == null ? null : l.createdBy.username, l.createdAt,
                    l.removedBy == null ? null : l.removedBy.username, l.removedAt);
        }).toList();
    }

    private static ClientError alreadyLinked(ClaimLink existing) {
        return ClientError.conflict("These claims are already linked as \"" + existing.kind.label()
                + "\". Remove that link first to change it.");
    }
}
