package org.claimdesk.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.claimdesk.audit.AuditEntry;
import org.claimdesk.reviewer.CurrentReviewer;
import org.claimdesk.reviewer.Reviewer;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Stale;
import org.hibernate.exception.ConstraintViolationException;

/**
 * What may be done to sources, shared by the pages and the API: a free name, a kind from the list, an ISO country,
 * clean aliases; edits start from the version the reviewer saw; a merge moves everything to the other source at once.
 */
@ApplicationScoped
public class SourceRules {

    public static final int MAX_NAME = 200;
    public static final int MAX_ALIAS = 200;
    public static final int MAX_ALIASES = 50;
    public static final int MAX_DESCRIPTION = 4000;

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @Inject
    CurrentReviewer me;

    @Inject
    EntityManager em;

    /** What a merge did, for the notice that follows it. */
    public record Merged(Source target, String mergedName, int claims, int articles) {
    }

    /** A source's fields once checked: what gets stored. */
    private record Values(String name, SourceKind kind, String country, List<String> aliases, String description,
            String website) {

        static Values of(Source source) {
            return new Values(source.name, source.kind, source.country, source.aliases, source.description,
                    source.website);
        }

        void applyTo(Source source) {
            source.name = name;
            source.kind = kind;
            source.country = country;
            source.aliases = new ArrayList<>(aliases);
            source.description = description;
            source.website = website;
        }
    }

    @Transactional
    public Source create(SourceInput input) {
        Values values = check(input);
        refuseTakenName(values.name(), null);
        return store(new Source(), values);
    }

    /** Applies an edit made from {@code version}; does nothing when nothing changed. */
    @Transactional
    public Source update(long id, SourceInput input, Long version) {
        requireVersion(version);
        Source source = find(id);
        if (source.version != version) {
            throw staleEdit(source);
        }
        Values values = check(input);
        if (values.equals(Values.of(source))) {
            return source;
        }
        refuseTakenName(values.name(), id); // before the change, which a query would otherwise flush
        return store(source, values);
    }

    /**
     * Merges source {@code id}, as its page showed it at {@code version}, into the source that {@code target} names
     * (a name, an alias or an id): its claims and articles move, its names become aliases of the target, and it is
     * deleted, all in one transaction that holds both rows.
     */
    @Transactional
    public Merged merge(long id, String target, Long version) {
        requireVersion(version);
        if (ids("SELECT id FROM source WHERE id = :v", id).isEmpty()) {
            throw notFound(id);
        }
        long targetId = resolve(id, target);
        Reviewer by = me.get();
        // both rows, in id order, so that two merges of the same pair in opposite directions cannot deadlock
        List<Long> locked = ids("SELECT id FROM source WHERE id IN (:v) ORDER BY id FOR UPDATE", List.of(id, targetId));
        if (!locked.contains(id)) {
            throw notFound(id);
        }
        if (!locked.contains(targetId)) {
            throw mergeRefused("The source to merge into was deleted a moment ago. Choose another one.");
        }
        // loaded only now, after the locks, so that what is read is what is written
        Source merged = Source.findById(id);
        Source into = Source.findById(targetId);
        if (merged.version != version) {
            throw new Stale("source", id, "Someone else changed \"" + merged.name + "\" after you opened its page. "
                    + "Nothing was merged; look at the source again and merge it if it still applies.");
        }
        List<String> names = new ArrayList<>(into.aliases);
        names.add(merged.name);
        names.addAll(merged.aliases);
        List<String> aliases = distinctAliases(into.name, names);
        if (aliases.size() > MAX_ALIASES) {
            throw new ClientError(409, "Together the two sources have " + aliases.size() + " aliases; a source has at "
                    + "most " + MAX_ALIASES + ". Remove some aliases first, then merge.",
                    List.of(ClientError.fieldError("target", "Too many aliases together; remove some first.")));
        }
        // every moved claim records the move in its own history, and its version moves on, so that an edit or a
        // decision begun before the merge is refused rather than applied to a claim whose source changed under it
        em.createNativeQuery("INSERT INTO claim_edit (id, claim_id, reviewer_id, edited_at, claim_version, changes) "
                + "SELECT nextval('claim_edit_seq'), id, :by, now(), version, jsonb_build_array(jsonb_build_object("
                + "'field', 'source', 'from', cast(:fromName AS text), 'to', cast(:toName AS text))) "
                + "FROM claim WHERE source_id = :merged")
                .setParameter("by", by.id).setParameter("fromName", merged.name + " (merged)")
                .setParameter("toName", into.name).setParameter("merged", id).executeUpdate();
        int claims = em.createNativeQuery("UPDATE claim SET source_id = :into, version = version + 1, updated_by = :by, "
                + "updated_at = now() WHERE source_id = :merged").setParameter("into", targetId)
                .setParameter("by", by.id).setParameter("merged", id).executeUpdate();
        int articles = move("UPDATE article SET publisher_id = :into WHERE publisher_id = :merged", targetId, id);
        move("UPDATE claim_relay SET source_id = :into WHERE source_id = :merged", targetId, id); // relays too (V16)
        into.aliases = aliases;
        into.touchedBy(by);
        into.updatedAt = Instant.now(); // a new version even when no alias was new: the source now holds more claims
        String mergedName = merged.name;
        merged.delete();
        saved(into);
        AuditEntry.record(by, "source.merged", into.name, "\"" + mergedName + "\" (id " + id + ") merged into id "
                + targetId + ": " + claims + " claims, " + articles + " articles moved");
        return new Merged(into, mergedName, claims, articles);
    }

    /** The source with the accounts that created and last changed it, as its pages show them. */
    public static Source find(long id) {
        return Source.<Source> find("from Source s left join fetch s.createdBy left join fetch s.updatedBy "
                + "where s.id = ?1", id).firstResultOptional().orElseThrow(() -> notFound(id));
    }

    /** Reads an optional country code: upper-cased, and one of ISO 3166's. Returns null when empty. */
    static String country(FieldErrors errors, String field, String value) {
        String code = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            return null;
        }
        if (!COUNTRIES.contains(code)) {
            errors.add(field, "Give the country as a two-letter ISO 3166 code, such as KP or KR.");
            return null;
        }
        return code;
    }

    /** Aliases stripped, each once whatever its case, without the name itself, in the order given. */
    static List<String> distinctAliases(String name, Collection<String> aliases) {
        Map<String, String> distinct = new LinkedHashMap<>();
        String own = name == null ? null : name.toLowerCase(Locale.ROOT);
        for (String alias : aliases) {
            String stripped = alias == null ? "" : alias.strip();
            String key = stripped.toLowerCase(Locale.ROOT);
            if (!stripped.isEmpty() && !key.equals(own)) {
                distinct.putIfAbsent(key, stripped);
            }
        }
        return new ArrayList<>(distinct.values());
    }

    private static Values check(SourceInput input) {
        FieldErrors errors = new FieldErrors();
        String name = errors.text("name", "the name", input.name(), MAX_NAME, true);
        SourceKind kind = kind(errors, input.kind());
        String country = country(errors, "country", input.country());
        List<String> aliases = aliases(errors, name, input.aliases());
        String description = errors.text("description", "the description", input.description(), MAX_DESCRIPTION,
                false);
        String website = errors.url("website", "the website", input.website(), false);
        errors.throwIfAny();
        return new Values(name, kind, country, aliases, description == null ? "" : description, website);
    }

    private static SourceKind kind(FieldErrors errors, String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            errors.add("kind", "Choose the kind of source.");
            return null;
        }
        return SourceKind.parse(text).orElseGet(() -> {
            errors.add("kind", "Choose a kind from the list: " + String.join(", ", SourceKind.names()) + ".");
            return null;
        });
    }

    private static List<String> aliases(FieldErrors errors, String name, List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        for (String alias : raw) {
            String stripped = alias == null ? "" : alias.strip();
            if (stripped.length() > MAX_ALIAS) {
                errors.add("aliases", "Each alias is at most " + MAX_ALIAS + " characters; \""
                        + stripped.substring(0, 40) + "…\" has " + stripped.length() + ".");
                return List.of();
            }
            if (!FieldErrors.printable(stripped) || stripped.contains("\n") || stripped.contains("\r")) {
                errors.add("aliases", "Put one alias on each line, without control characters.");
                return List.of();
            }
        }
        List<String> aliases = distinctAliases(name, raw);
        if (aliases.size() > MAX_ALIASES) {
            errors.add("aliases", "A source has at most " + MAX_ALIASES + " aliases, not " + aliases.size() + ".");
        }
        return aliases;
    }

    /**
     * The one source that {@code text} names: its id, its name or, failing both, an alias that only one other
     * source has. Refused with a message that says why when there is none, several, or only this one.
     */
    private long resolve(long id, String text) {
        FieldErrors errors = new FieldErrors();
        String wanted = errors.text("target", "the source to merge into", text, MAX_NAME, true);
        errors.throwIfAny();
        // ids and names only: no entity is loaded before the rows are locked
        List<Long> found = wanted.matches("\\d{1,18}") ? ids("SELECT id FROM source WHERE id = :v",
                Long.parseLong(wanted)) : List.of();
        if (found.isEmpty()) {
            found = Source.idsNamed(wanted);
        }
        if (found.equals(List.of(id))) {
            throw mergeRefused("\"" + wanted + "\" is this source itself. Name the other source, the one to keep.");
        }
        List<Long> others = found.stream().filter(other -> other != id).toList();
        if (others.isEmpty()) {
            throw mergeRefused("No source has the name, alias or id \"" + wanted + "\". Check the spelling, or "
                    + "look the source up in the list of sources.");
        }
        if (others.size() > 1) {
            List<?> names = em.createNativeQuery("SELECT name FROM source WHERE id IN (:v) ORDER BY lower(name)")
                    .setParameter("v", others).getResultList();
            throw mergeRefused("Several sources have the alias \"" + wanted + "\": "
                    + String.join("; ", names.stream().map(String::valueOf).toList())
                    + ". Enter the name or id of the one you mean.");
        }
        return others.get(0);
    }

    private List<Long> ids(String sql, Object value) {
        return em.createNativeQuery(sql).setParameter("v", value).getResultList().stream()
                .map(row -> ((Number) row).longValue()).toList();
    }

    private int move(String sql, long into, long merged) {
        return em.createNativeQuery(sql).setParameter("into", into).setParameter("merged", merged).executeUpdate();
    }

    private Source store(Source source, Values values) {
        Reviewer by = me.get(); // before the change: this query must not flush it outside saved()
        values.applyTo(source);
        source.touchedBy(by);
        source.persist();
        saved(source);
        return source;
    }

    private static void requireVersion(Long version) {
        if (version == null) {
            throw ClientError.badRequest("The form lacks the version of the source it was opened on. "
                    + "Reload the page and try again.");
        }
    }

    private static void refuseTakenName(String name, Long self) {
        Source.findByName(name).filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw taken(name);
        });
    }

    /**
     * Writes now, so that a race is refused here: a version that moved on is a stale edit, and the unique index on
     * lower(name) decides two reviewers adding the same name at once.
     */
    private static void saved(Source source) {
        try {
            Source.flush();
        } catch (OptimisticLockException e) {
            throw staleEdit(source);
        } catch (PersistenceException e) {
            ConstraintViolationException violation = e instanceof ConstraintViolationException c ? c
                    : e.getCause() instanceof ConstraintViolationException c ? c : null;
            if (violation != null && "source_name_key".equals(violation.getConstraintName())) {
                throw taken(source.name);
            }
            throw e;
        }
    }

    private static ClientError taken(String name) {
        return new ClientError(409, "A source named \"" + name + "\" already exists.",
                List.of(ClientError.fieldError("name", "Another source already has this name (names are compared "
                        + "without regard to case). Edit that source, or merge the two.")));
    }

    private static Stale staleEdit(Source source) {
        return new Stale("source", source.id, "Someone else changed this source after you opened it, so your edit "
                + "was not saved. Their version is shown below and yours is still in the form: submit it again if "
                + "it should replace theirs.");
    }

    private static ClientError mergeRefused(String message) {
        return ClientError.invalid(List.of(ClientError.fieldError("target", message)));
    }

    private static ClientError notFound(long id) {
        return ClientError.notFound("There is no source with id " + id + ".");
    }
}
