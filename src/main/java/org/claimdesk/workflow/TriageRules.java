package org.claimdesk.workflow;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.claimdesk.claim.ClaimEdit;
import org.claimdesk.claim.ClaimFilter;
import org.claimdesk.claim.ClaimRules;
import org.claimdesk.claim.ClaimSearch;
import org.claimdesk.claim.Priority;
import org.claimdesk.reviewer.CurrentReviewer;
import org.claimdesk.reviewer.Reviewer;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Role;
import org.hibernate.ScrollableResults;
import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Bulk triage: assign many claims, add or remove tags, set their priority, in one transaction, with one history entry
 * per claim that changed. A change asked for on a list shown at {@code asOf} leaves out, and names, the claims that
 * changed (or were added) since. It never decides a claim: every verdict needs its own rationale.
 */
@ApplicationScoped
public class TriageRules {

    /** The most claims one bulk change touches; a larger filter must be narrowed. */
    public static final int MAX_CLAIMS = 10_000;

    @Inject
    CurrentReviewer me;

    @Inject
    EntityManager em;

    @Inject
    ClaimSearch search;

    @Inject
    ObjectMapper mapper;

    /**
     * What to change on which claims: {@code ids} or {@code filter}, and at least one of the changes.
     * {@code unassign} takes the assignee away; {@code asOf}, when the list was shown, refuses claims changed since.
     */
    public record Request(List<Long> ids, ClaimFilter filter, Long assigneeId, boolean unassign, List<String> addTags,
            List<String> removeTags, String priority, Instant asOf) {
    }

    /** A claim that changed, field by field. */
    public record Changed(long id, List<ClaimEdit.Change> changes) {
    }

    /** A claim left as it was, and why. */
    public record Refused(long id, String reason) {
    }

    /** What a bulk change did: claims changed, claims that already were as asked, and claims refused. */
    public record Report(List<Changed> changed, List<Long> unchanged, List<Refused> refused) {
    }

    private record Current(long id, long version, Instant updatedAt, Instant createdAt, Long assigneeId,
            String assignee, List<String> tags, Priority priority, String updatedBy) {
    }

    @Transactional
    public Report apply(Request request) {
        FieldErrors errors = new FieldErrors();
        boolean byIds = request.ids() != null && !request.ids().isEmpty();
        if (byIds == (request.filter() != null)) {
            errors.add("ids", "Choose the claims: tick some, or take all of the filter (\"ids\" or \"filter\", not both).");
        }
        if (byIds && request.ids().size() > MAX_CLAIMS) {
            errors.add("ids", "Change at most " + MAX_CLAIMS + " claims at once.");
        }
        Reviewer assignee = null;
        if (request.assigneeId() != null) {
            assignee = Reviewer.findById(request.assigneeId());
            if (assignee == null || !assignee.active || !assignee.access().grants().contains(Role.REVIEWER)) {
                errors.add("assigneeId", "Assign the claims to an active reviewer or administrator.");
            }
            if (request.unassign()) {
                errors.add("assigneeId", "Either assign the claims or take their assignee away, not both.");
            }
        }
        List<String> add = ClaimRules.tags(request.addTags(), errors);
        List<String> remove = ClaimRules.tags(request.removeTags(), errors);
        if (add.stream().anyMatch(remove::contains)) {
            errors.add("removeTags", "A tag cannot be added and removed at once.");
        }
        Priority priority = null;
        if (request.priority() != null && !request.priority().isBlank()) {
            priority = Priority.parse(request.priority()).orElse(null);
            if (priority == null) {
                errors.add("priority", "Set a priority: " + String.join(", ", Priority.names()) + ".");
            }
        }
        if (request.assigneeId() == null && !request.unassign() && add.isEmpty() && remove.isEmpty()
                && priority == null && !errors.has("priority") && !errors.has("tags")) {
            errors.add("assigneeId", "Choose what to change: an assignee, a tag to add or remove, or a priority.");
        }
        errors.throwIfAny();
        List<Long> ids = byIds ? request.ids().stream().filter(Objects::nonNull).distinct().sorted().toList()
                : matching(request.filter());
        Reviewer by = me.get();
        Long newAssignee = request.unassign() ? null : assignee == null ? null : assignee.id;
        String newAssigneeName = assignee == null ? null : assignee.username;
        boolean touchAssignee = request.unassign() || assignee != null;
        Priority newPriority = priority;
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<Current> rows = lock(connection, ids);
            Set<Long> found = new LinkedHashSet<>();
            List<Changed> changed = new ArrayList<>();
            List<Long> unchanged = new ArrayList<>();
            List<Refused> refused = new ArrayList<>();
            List<Current> toWrite = new ArrayList<>();
            List<List<String>> newTags = new ArrayList<>();
            for (Current c : rows) {
                found.add(c.id());
                if (request.asOf() != null && c.createdAt().isAfter(request.asOf())) {
                    refused.add(new Refused(c.id(), "added after the list was shown"));
                    continue;
                }
                if (request.asOf() != null && c.updatedAt().isAfter(request.asOf())) {
                    refused.add(new Refused(c.id(), "changed since the list was shown"
                            + (c.updatedBy() == null ? "" : " (by " + c.updatedBy() + ")")));
                    continue;
                }
                List<String> tags = new ArrayList<>(c.tags());
                tags.removeAll(remove);
                add.stream().filter(t -> !tags.contains(t)).forEach(tags::add);
                List<ClaimEdit.Change> changes = new ArrayList<>();
                if (touchAssignee && !Objects.equals(c.assigneeId(), newAssignee)) {
                    changes.add(new ClaimEdit.Change("assignee", c.assignee(), newAssigneeName));
                }
                if (!tags.equals(c.tags())) {
                    if (tags.size() > ClaimRules.MAX_TAGS) {
                        refused.add(new Refused(c.id(), "would have more than " + ClaimRules.MAX_TAGS + " tags"));
                        continue;
                    }
                    changes.add(new ClaimEdit.Change("tags", joined(c.tags()), joined(tags)));
                }
                if (newPriority != null && newPriority != c.priority()) {
                    changes.add(new ClaimEdit.Change("priority", c.priority().name(), newPriority.name()));
                }
                if (changes.isEmpty()) {
                    unchanged.add(c.id());
                    continue;
                }
                changed.add(new Changed(c.id(), changes));
                toWrite.add(c);
                newTags.add(tags);
            }
            ids.stream().filter(id -> !found.contains(id))
                    .forEach(id -> refused.add(new Refused(id, "there is no such claim")));
            write(connection, by, toWrite, changed, newTags, touchAssignee, newAssignee, newPriority);
            refused.sort((a, b) -> Long.compare(a.id(), b.id()));
            return new Report(changed, unchanged, refused);
        });
    }

    /** The ids of every claim the filter finds, through the list's own query. */
    private List<Long> matching(ClaimFilter filter) {
        List<Long> ids = new ArrayList<>();
        try (ScrollableResults<Object[]> rows = search.scroll(filter, "c.id", 1000)) {
            while (rows.next()) {
                Object row = rows.get();
                Object id = row instanceof Object[] columns ? columns[0] : row;
                ids.add(((Number) id).longValue());
                if (ids.size() > MAX_CLAIMS) {
                    throw new ClientError(400, "The filter finds more than " + MAX_CLAIMS + " claims; narrow it to "
                            + "change them at once.", List.of(ClientError.fieldError("filter", "Narrow the filter.")));
                }
            }
        }
        ids.sort(null);
        return ids;
    }

    /** The claims as they are, locked in id order so that two bulk changes never deadlock. */
    private static List<Current> lock(Connection connection, List<Long> ids) throws SQLException {
        List<Current> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT c.id, c.version, c.updated_at, "
                + "c.created_at, c.assignee_id, u.username, c.tags, c.priority, e.username FROM claim c "
                + "LEFT JOIN reviewer u ON u.id = c.assignee_id LEFT JOIN reviewer e ON e.id = c.updated_by "
                + "WHERE c.id = ANY (?) ORDER BY c.id FOR UPDATE OF c")) {
            select.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    Array tags = r.getArray(7);
                    Number assignee = (Number) r.getObject(5);
                    rows.add(new Current(r.getLong(1), r.getLong(2), r.getTimestamp(3).toInstant(),
                            r.getTimestamp(4).toInstant(), assignee == null ? null : assignee.longValue(), r.getString(6),
                            tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                            Priority.valueOf(r.getString(8)), r.getString(9)));
                }
            }
        }
        return rows;
    }

    /** One UPDATE and one INSERT for all the claims that change, whatever their number. */
    private void write(Connection connection, Reviewer by, List<Current> rows, List<Changed> changed,
            List<List<String>> tags, boolean touchAssignee, Long assignee, Priority priority) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        Object[] ids = new Object[n];
        Object[] versions = new Object[n];
        Object[] assignees = new Object[n];
        Object[] tagLists = new Object[n];
        Object[] priorities = new Object[n];
        Object[] changes = new Object[n];
        for (int i = 0; i < n; i++) {
            Current c = rows.get(i);
            ids[i] = c.id();
            versions[i] = c.version();
            assignees[i] = touchAssignee ? assignee : c.assigneeId();
            tagLists[i] = json(tags.get(i));
            priorities[i] = (priority == null ? c.priority() : priority).name();
            changes[i] = json(changed.get(i).changes());
        }
        // clock_timestamp, not now(): a list shown while this ran must see these claims as changed after it
        try (PreparedStatement update = connection.prepareStatement("UPDATE claim c SET assignee_id = d.assignee, "
                + "tags = ARRAY(SELECT t FROM jsonb_array_elements_text(cast(d.tags AS jsonb)) WITH ORDINALITY AS "
                + "x (t, n) ORDER BY n), priority = d.priority, version = c.version + 1, updated_by = ?, "
                + "updated_at = clock_timestamp() FROM unnest(?, ?, ?, ?) AS d (id, assignee, tags, priority) "
                + "WHERE c.id = d.id")) {
            update.setLong(1, by.id);
            update.setArray(2, connection.createArrayOf("bigint", ids));
            update.setArray(3, connection.createArrayOf("bigint", assignees));
            update.setArray(4, connection.createArrayOf("text", tagLists));
            update.setArray(5, connection.createArrayOf("text", priorities));
            update.executeUpdate();
        }
        try (PreparedStatement history = connection.prepareStatement("INSERT INTO claim_edit (id, claim_id, "
                + "reviewer_id, edited_at, claim_version, changes) SELECT nextval('claim_edit_seq'), d.id, ?, "
                + "clock_timestamp(), d.version, cast(d.changes AS jsonb) FROM unnest(?, ?, ?) AS d (id, version, changes)")) {
            history.setLong(1, by.id);
            history.setArray(2, connection.createArrayOf("bigint", ids));
            history.setArray(3, connection.createArrayOf("bigint", versions));
            history.setArray(4, connection.createArrayOf("text", changes));
            history.executeUpdate();
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String joined(List<String> tags) {
        return tags.isEmpty() ? null : String.join(", ", tags);
    }
}
