package org.claimdesk.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimRules;
import org.claimdesk.reviewer.CurrentReviewer;
import org.claimdesk.reviewer.Reviewer;
import org.claimdesk.system.FieldErrors;

/**
 * Internal notes: any reviewer writes one, everyone signed in reads them, nothing of them is public. A note that
 * names {@code @username} puts the claim into that person's queue, with the note, until they open the claim.
 */
@ApplicationScoped
public class NoteRules {

    static final int MAX_NOTE = 10_000;

    /** {@code @name} not inside a word or an e-mail address; names are those accounts may have (3 to 64 of them). */
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.@-])@([A-Za-z0-9._-]{3,64})");

    @Inject
    CurrentReviewer me;

    @Inject
    EntityManager em;

    /** A stored note, with whom it put the claim in front of, and the names it mentioned that are no account. */
    public record Written(Note note, List<String> mentioned, List<String> unknown) {
    }

    @Transactional
    public Written write(long claimId, String text) {
        Claim claim = ClaimRules.find(claimId);
        FieldErrors errors = new FieldErrors();
        String stripped = errors.text("text", "the note", text, MAX_NOTE, true);
        errors.throwIfAny();
        Reviewer author = me.get();
        Note note = new Note();
        note.claim = claim;
        note.author = author;
        note.text = stripped;
        note.persist();
        List<String> mentioned = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : mentions(stripped)) {
            Reviewer person = Reviewer.findByUsername(name).filter(r -> r.active).orElse(null);
            if (person == null) {
                unknown.add(name);
            } else if (!person.id.equals(author.id)) {
                QueueItem item = new QueueItem();
                item.claim = claim;
                item.reviewer = person;
                item.reason = QueueItem.MENTION;
                item.note = note;
                item.persist();
                mentioned.add(person.username);
            }
        }
        return new Written(note, mentioned, unknown);
    }

    /** The distinct names a note mentions, lower-cased as accounts are; a sentence's full stop is not part of one. */
    static Set<String> mentions(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            String name = m.group(1).replaceAll("[.\\-_]+$", "").toLowerCase(Locale.ROOT);
            if (name.length() >= 3) {
                names.add(name);
            }
        }
        return names;
    }

    /** The claim's notes, oldest first, with their authors. */
    public static List<Note> of(long claimId) {
        return Note.<Note> find("select n from Note n join fetch n.author where n.claim.id = ?1 "
                + "order by n.createdAt, n.id", claimId).list();
    }

    /** Opening a claim answers the mentions that put it in the reader's queue. */
    @Transactional
    public int seen(long claimId, String username) {
        return em.createQuery("update QueueItem q set q.clearedAt = :now where q.claim.id = :claim "
                + "and q.reason = :mention and q.clearedAt is null and q.reviewer.id in "
                + "(select r.id from Reviewer r where r.username = :username)").setParameter("now", Instant.now())
                .setParameter("claim", claimId).setParameter("mention", QueueItem.MENTION)
                .setParameter("username", username).executeUpdate();
    }
}
