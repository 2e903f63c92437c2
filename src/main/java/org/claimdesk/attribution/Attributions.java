package org.claimdesk.attribution;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimEdit;
import org.claimdesk.claim.ClaimInput;
import org.claimdesk.claim.ClaimRules;
import org.claimdesk.claim.ClaimSearch;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.reviewer.CurrentReviewer;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Stale;

/**
 * A claim's attribution details (the relay chain, nearest first, the kind of attribution and the re-check date): kept
 * with the claim's own fields in one transaction and recorded in its edit history; and what the claim page, the list,
 * the dashboard and a source's profile show of attribution ({@code inject:attribution} in templates).
 */
@ApplicationScoped
@Named("attribution")
public class Attributions {

    public static final String RELAYS_FIELD = "relayed by";
    public static final String KIND_FIELD = "attribution kind";
    public static final String RECHECK_FIELD = "re-check on";
    static final int MAX_RELAYS = 10;
    static final int SHORT_LIST = 10;
    static final int RELAYED_SHOWN = 20;

    /** The attribution details as submitted: relays by id (API) or by name (form), the kind's code, the date. */
    public record Input(List<Long> relayedBy, List<String> relayNames, String kind, String recheckOn) {

        public static final Input NONE = new Input(List.of(), List.of(), null, null);

        /** The form's fields: relay names one a line (or separated by semicolons), nearest first. */
        public static Input ofForm(String relays, String kind, String recheckOn) {
            List<String> names = relays == null ? List.of()
                    : List.of(relays.split("[\\r\\n;]+")).stream().map(String::strip).filter(n -> !n.isEmpty())
                            .toList();
            return new Input(List.of(), names, kind, recheckOn);
        }
    }

    /** A relay or any source in a short list. */
    public record SourceRef(long id, String name, SourceKind kind) {
    }

    /** A claim in one of the short lists. */
    public record ClaimItem(long id, String statement, ClaimStatus status, AttributionStatus attribution,
            LocalDate recheckOn, long sourceId, String sourceName) {
    }

    /** What the claim page shows of attribution. */
    public record View(Claim claim, List<SourceRef> relays, List<AttributionReview> history,
            List<OtherReviews.Other> otherReviews) {

        public boolean isMisattributed() {
            return claim.attributionStatus == AttributionStatus.misattributed;
        }

        public boolean hasConflict() {
            return otherReviews.stream().anyMatch(OtherReviews.Other::conflict);
        }
    }

    /** The claims a source passed on (relayed), newest first, and how many; capped so that the count stays cheap. */
    public record Relayed(List<ClaimItem> claims, long count, boolean more) {
    }

    private record Checked(List<Long> relays, AttributionKind kind, LocalDate recheckOn) {
    }

    @Inject
    EntityManager em;

    @Inject
    ClaimRules rules;

    @Inject
    CurrentReviewer me;

    @Inject
    OtherReviews otherReviews;

    /** Adds a claim with its attribution details, in one transaction; every field's error is reported at once. */
    @Transactional
    public Claim create(ClaimInput input, Input attribution, FieldErrors errors) {
        Checked checked = check(attribution, errors);
        Claim claim = rules.create(input, errors);
        refuseOwnSource(claim, checked);
        em.flush(); // the claim's row, before the relays that point at it
        if (checked.kind != null || checked.recheckOn != null) {
            // written beside the entity: changing it after persist would cost an UPDATE, and version 1 for a new claim
            em.createNativeQuery("UPDATE claim SET attribution_kind = CAST(:kind AS varchar), recheck_on = CAST(:recheck AS date) "
                    + "WHERE id = :id")
                    .setParameter("kind", checked.kind == null ? null : checked.kind.name())
                    .setParameter("recheck", checked.recheckOn).setParameter("id", claim.id).executeUpdate();
            em.refresh(claim);
        }
        replaceRelays(claim.id, checked.relays);
        return claim;
    }

    /** Edits a claim and its attribution details from {@code version}, in one transaction, recording what changed. */
    @Transactional
    public Claim update(long id, ClaimInput input, Input attribution, Long version, FieldErrors errors) {
        Claim claim = ClaimRules.find(id);
        Checked checked = check(attribution, errors);
        if (version != null && claim.version == version && errors.isEmpty()) {
            applyDetails(claim, checked);
        }
        Claim updated = rules.update(id, input, version, errors);
        refuseOwnSource(updated, checked);
        Stale.flush(() -> new Stale("claim", id, "Someone else changed this claim while you saved it. Your edit was "
                + "not saved; submit it again."));
        return updated;
    }

    /** Sets only the attribution details (the API's PUT), from {@code version}. */
    @Transactional
    public Claim updateDetails(long id, Input attribution, Long version) {
        Claim claim = ClaimRules.find(id);
        FieldErrors errors = new FieldErrors();
        Checked checked = check(attribution, errors);
        if (version == null) {
            errors.add("version", "Say which version of the claim you edited (the claim's \"version\").");
        }
        errors.throwIfAny();
        if (claim.version != version) {
            throw new Stale("claim", id, "Someone else changed this claim after you read it. Nothing was saved; read "
                    + "it again and send your change if it still applies.");
        }
        refuseOwnSource(claim, checked);
        applyDetails(claim, checked);
        Stale.flush(() -> new Stale("claim", id, "Someone else changed this claim while you saved it. Nothing was "
                + "saved; read it again."));
        return claim;
    }

    private void applyDetails(Claim claim, Checked checked) {
        List<SourceRef> before = relays(claim.id);
        List<ClaimEdit.Change> changes = new ArrayList<>();
        change(changes, RELAYS_FIELD, names(before), names(checked.relays));
        change(changes, KIND_FIELD, claim.attributionKind == null ? null : claim.attributionKind.label(),
                checked.kind == null ? null : checked.kind.label());
        change(changes, RECHECK_FIELD, Objects.toString(claim.recheckOn, null), Objects.toString(checked.recheckOn, null));
        if (changes.isEmpty()) {
            return;
        }
        if (!before.stream().map(SourceRef::id).toList().equals(checked.relays)) {
            replaceRelays(claim.id, checked.relays);
        }
        claim.attributionKind = checked.kind;
        claim.recheckOn = checked.recheckOn;
        claim.touchedBy(me.get());
        ClaimEdit edit = new ClaimEdit();
        edit.claim = claim;
        edit.reviewer = me.get();
        edit.changes = changes;
        edit.claimVersion = claim.version;
        edit.persist();
    }

    private static void change(List<ClaimEdit.Change> changes, String field, String from, String to) {
        if (!Objects.equals(from, to)) {
            changes.add(new ClaimEdit.Change(field, from, to));
        }
    }

    private static String names(List<SourceRef> relays) {
        return relays.isEmpty() ? null : String.join(" ← ", relays.stream().map(SourceRef::name).toList());
    }

    private String names(Collection<Long> ids) {
        List<String> names = new ArrayList<>();
        for (Long id : ids) {
            names.add(Source.<Source> findById(id).name);
        }
        return names.isEmpty() ? null : String.join(" ← ", names);
    }

    private Checked check(Input input, FieldErrors errors) {
        Set<Long> relays = new LinkedHashSet<>();
        List<Long> ids = input.relayedBy() == null ? List.of() : input.relayedBy();
        for (Long id : ids) {
            if (id == null || Source.findById(id) == null) {
                errors.add("relayedBy", "There is no source with id " + id + " to name as a relay.");
                return new Checked(List.of(), null, null);
            }
            relays.add(id);
        }
        for (String name : input.relayNames() == null ? List.<String> of() : input.relayNames()) {
            String text = errors.text("relayedBy", "a relay's name", name, 200, false);
            if (text == null) {
                continue;
            }
            try {
                relays.add(Source.resolve(text).id);
            } catch (ClientError unknown) {
                errors.add("relayedBy", unknown.getMessage());
            }
        }
        if (relays.size() > MAX_RELAYS) {
            errors.add("relayedBy", "Name at most " + MAX_RELAYS + " relays, nearest first.");
        }
        String kindText = input.kind() == null || input.kind().isBlank() ? null : input.kind().strip();
        AttributionKind kind = kindText == null ? null : AttributionKind.parse(kindText).orElse(null);
        if (kindText != null && kind == null) {
            errors.add("attributionKind", "Choose the kind of attribution: " + String.join(", ",
                    AttributionKind.names()) + ".");
        }
        LocalDate recheck = errors.date("recheckOn", "the re-check date", input.recheckOn());
        LocalDate latest = LocalDate.now(ZoneOffset.UTC).plusYears(20);
        if (recheck != null && (recheck.isBefore(ClaimRules.EARLIEST) || recheck.isAfter(latest))) {
            errors.add("recheckOn", "The re-check date must lie between " + ClaimRules.EARLIEST + " and " + latest + ".");
        }
        return new Checked(new ArrayList<>(relays), kind, recheck);
    }

    private static void refuseOwnSource(Claim claim, Checked checked) {
        if (claim.source != null && checked.relays.contains(claim.source.id)) {
            throw ClientError.invalid(List.of(ClientError.fieldError("relayedBy", "\"" + claim.source.name + "\" made "
                    + "the claim; name only the sources that passed it on as relays.")));
        }
    }

    private void replaceRelays(long claimId, List<Long> relays) {
        em.createNativeQuery("DELETE FROM claim_relay WHERE claim_id = :claim").setParameter("claim", claimId)
                .executeUpdate();
        for (int position = 0; position < relays.size(); position++) {
            em.createNativeQuery("INSERT INTO claim_relay (claim_id, position, source_id) VALUES (:claim, :position, "
                    + ":source)").setParameter("claim", claimId).setParameter("position", position)
                    .setParameter("source", relays.get(position)).executeUpdate();
        }
    }

    /**
     * Sets the relays and kind an article import proposed and the reviewer confirmed, on a claim just stored: relay
     * names are the desk's sources, or new ones made through {@code newSource} (one per name in the import).
     */
    public void applyImported(Claim claim, List<String> relayNames, String kind,
            java.util.function.Function<String, Long> newSource) {
        List<Long> ids = new ArrayList<>();
        for (String name : relayNames == null ? List.<String> of() : relayNames) {
            List<Long> named = Source.idsNamed(name);
            Long id = named.size() == 1 ? named.get(0) : newSource.apply(name);
            if (!ids.contains(id) && !id.equals(claim.source.id)) {
                ids.add(id);
            }
        }
        AttributionKind parsed = kind == null || kind.isBlank() ? null : AttributionKind.parse(kind.strip()).orElse(null);
        if (ids.isEmpty() && parsed == null) {
            return;
        }
        em.flush();
        if (parsed != null) {
            em.createNativeQuery("UPDATE claim SET attribution_kind = :kind WHERE id = :id")
                    .setParameter("kind", parsed.name()).setParameter("id", claim.id).executeUpdate();
        }
        replaceRelays(claim.id, ids);
    }

    /** What must hold of an import's relays and kind before it is saved. */
    public static void checkImported(List<String> relayNames, String kind, FieldErrors errors) {
        if (kind != null && !kind.isBlank() && AttributionKind.parse(kind.strip()).isEmpty()) {
            errors.add("attributionKind", "Choose the kind of attribution: " + String.join(", ",
                    AttributionKind.names()) + ".");
        }
        if (relayNames.size() > MAX_RELAYS) {
            errors.add("relays", "Name at most " + MAX_RELAYS + " relays, nearest first.");
        }
        for (String name : relayNames) {
            if (Source.idsNamed(name).size() > 1) {
                errors.add("relays", "\"" + name + "\" is another name of several sources; type the full name.");
            } else if (name.length() > 200 || !FieldErrors.printable(name)) {
                errors.add("relays", "A relay's name is at most 200 characters of text.");
            }
        }
    }

    /** The kind a new source named only as a relay or a described claimant gets: "a lawmaker" is a person. */
    public static String guessedKind(String name) {
        return name.matches("(?i)^(?:an?|one|two|three|several|some|senior|unnamed|anonymous)\\s.*")
                ? SourceKind.person.name() : SourceKind.news_outlet.name();
    }

    /** The sources that relayed a claim, nearest first. */
    public List<SourceRef> relays(long claimId) {
        List<SourceRef> relays = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT s.id, s.name, s.kind FROM claim_relay r JOIN source s "
                + "ON s.id = r.source_id WHERE r.claim_id = :claim ORDER BY r.position").setParameter("claim", claimId)
                .getResultList()) {
            Object[] c = (Object[]) row;
            relays.add(new SourceRef(((Number) c[0]).longValue(), (String) c[1], SourceKind.valueOf((String) c[2])));
        }
        return relays;
    }

    /** The relays' names one a line, as the claim form shows them. */
    public static String relayLinesOf(long claimId) {
        List<String> names = new ArrayList<>();
        for (Object name : Claim.getEntityManager().createNativeQuery("SELECT s.name FROM claim_relay r JOIN source s "
                + "ON s.id = r.source_id WHERE r.claim_id = :claim ORDER BY r.position").setParameter("claim", claimId)
                .getResultList()) {
            names.add((String) name);
        }
        return String.join("\n", names);
    }

    /** The attribution decisions on a claim, oldest first. */
    public static List<AttributionReview> history(long claimId) {
        return AttributionReview.<AttributionReview> find("select r from AttributionReview r join fetch r.reviewer "
                + "where r.claim.id = ?1 order by r.decidedAt, r.id", claimId).list();
    }

    public View of(Claim claim) {
        return new View(claim, relays(claim.id), history(claim.id), otherReviews.of(claim));
    }

    /** Which of a page's claims are misattributed: one query for the whole page. */
    public Set<Long> misattributed(List<ClaimSearch.Row> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        List<Long> ids = rows.stream().map(ClaimSearch.Row::id).toList();
        Set<Long> found = new HashSet<>();
        for (Object id : em.createNativeQuery("SELECT id FROM claim WHERE id IN (:ids) "
                + "AND attribution_status = 'misattributed'").setParameter("ids", ids).getResultList()) {
            found.add(((Number) id).longValue());
        }
        return found;
    }

    /** Unverified claims whose re-check date has come, the longest due first. */
    public List<ClaimItem> due() {
        return items("SELECT c.id, c.statement, c.status, c.attribution_status, c.recheck_on, s.id, s.name "
                + "FROM claim c JOIN source s ON s.id = c.source_id WHERE c.status = 'unverified' "
                + "AND c.recheck_on IS NOT NULL AND c.recheck_on <= current_date ORDER BY c.recheck_on, c.id", null,
                SHORT_LIST);
    }

    /** How many unverified claims are due for a re-check. */
    public long dueCount() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM claim WHERE status = 'unverified' "
                + "AND recheck_on IS NOT NULL AND recheck_on <= current_date").getSingleResult()).longValue();
    }

    /** The claims a source relayed (it passed them on; someone else made them), newest first. */
    public Relayed relayedBy(long sourceId) {
        List<ClaimItem> claims = items("SELECT c.id, c.statement, c.status, c.attribution_status, c.recheck_on, s.id, "
                + "s.name FROM claim_relay r JOIN claim c ON c.id = r.claim_id JOIN source s ON s.id = c.source_id "
                + "WHERE r.source_id = :source ORDER BY r.claim_id DESC", sourceId, RELAYED_SHOWN);
        long count = ((Number) em.createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM claim_relay "
                + "WHERE source_id = :source LIMIT 1001) r").setParameter("source", sourceId).getSingleResult())
                .longValue();
        return new Relayed(claims, Math.min(count, 1000), count > 1000);
    }

    private List<ClaimItem> items(String sql, Long sourceId, int limit) {
        var query = em.createNativeQuery(sql).setMaxResults(limit);
        if (sourceId != null) {
            query.setParameter("source", sourceId);
        }
        List<ClaimItem> items = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            items.add(new ClaimItem(((Number) c[0]).longValue(), (String) c[1], ClaimStatus.valueOf((String) c[2]),
                    AttributionStatus.valueOf((String) c[3]), date(c[4]),
                    ((Number) c[5]).longValue(), (String) c[6]));
        }
        return items;
    }

    static LocalDate date(Object value) {
        return value == null ? null : value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }

    /** A source's calibrated track record, from the kept counts. */
    public TrackRecord trackRecord(long sourceId) {
        return TrackRecord.of(em, sourceId);
    }

    /** A fresh attribution form for the claim's page, from the claim's current version. */
    public AttributionPages.AttributionForm form(Claim claim) {
        AttributionPages.AttributionForm form = new AttributionPages.AttributionForm();
        form.version = Long.toString(claim.version);
        return form;
    }

    public java.util.Map<String, String> noErrors() {
        return java.util.Map.of();
    }

    public List<AttributionKind> kinds() {
        return List.of(AttributionKind.values());
    }

    public List<AttributionStatus> statuses() {
        return List.of(AttributionStatus.values());
    }
}
