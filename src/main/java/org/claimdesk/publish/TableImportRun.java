package org.claimdesk.publish;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.claimdesk.match.ClaimVectors;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.source.SourceKind;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs a table import in the background of the instance that started it, keeping its progress in the database.
 * First every line is checked, and the refused ones recorded with their line numbers; then the valid lines are stored
 * with batched inserts. All or nothing stores them in one transaction and only when no line was refused; skipping
 * invalid lines commits every {@value #BATCH} lines, each line whole (its claim, its decision and a new source) or
 * not at all. A claim already on the desk (same source, same statement) is skipped as a duplicate, so importing the
 * same file again adds nothing.
 */
@ApplicationScoped
public class TableImportRun {

    private static final Logger LOG = Logger.getLogger(TableImportRun.class);

    static final int BATCH = 500;
    static final int TIMEOUT_SECONDS = 3600;
    /** Imports take this advisory lock for each transaction that stores lines, so two never store the same claim. */
    static final int LOCK = 0x7ab1e;

    /**
     * Panache's allocation size: Quarkus's default id optimizer (pooled-lo, {@code
     * quarkus.hibernate-orm.mapping.id.optimizer.default}) takes a sequence value v to mean the ids v to v + 49.
     */
    static final int ALLOCATION = 50;

    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "table-import");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    EntityManager em;

    @Inject
    ClaimVectors vectors;

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Runs the import of {@code id}, which must already be marked running, in the background. */
    public void start(long id) {
        executor.execute(() -> run(id));
    }

    private record Job(long id, String fileName, byte[] content, TableFile.Format format, boolean header,
            ColumnMapping mapping, TableImport.Mode mode, SourceKind kind, long reviewerId) {
    }

    private record Outcome(int line, String outcome, String reason) {
    }

    /** What one stored batch did. */
    private record Stored(int imported, int duplicates, int sourcesCreated) {
    }

    void run(long id) {
        try {
            execute(load(id));
        } catch (RuntimeException | SQLException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.errorf(e, "Table import %d stopped (reference %s)", id, reference);
            QuarkusTransaction.requiringNew().run(() -> finish(id, TableImport.State.failed,
                    "The import stopped because of an error on the server (reference " + reference + "). Lines "
                            + "reported as stored were kept; run the import again to add the rest."));
        }
    }

    private Job load(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TableImport job = TableImport.findById(id);
            return new Job(id, job.fileName, job.content, job.format, job.hasHeader, job.columnMapping(), job.mode,
                    job.sourceKind, job.createdBy.id);
        });
    }

    private void execute(Job job) throws SQLException {
        List<TableFile.Record> records = TableFile.read(job.content(), job.format()).records();
        if (job.header() && !records.isEmpty()) {
            records = records.subList(1, records.size());
        }
        int total = records.size();
        progress(job.id(), "UPDATE table_import SET total_lines = ?1 WHERE id = ?2", total);
        Map<String, ClaimStatus> ratings = ratings();

        List<ClaimLine> valid = new ArrayList<>();
        List<Outcome> refused = new ArrayList<>();
        List<Outcome> repeated = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < total; i++) {
            TableFile.Record record = records.get(i);
            try {
                ClaimLine line = ClaimLine.parse(record, job.mapping(), ratings, job.kind());
                Integer earlier = firstLine.putIfAbsent(line.key(), line.line());
                if (earlier != null) {
                    repeated.add(new Outcome(line.line(), "duplicate", "The same claim as line " + earlier + "."));
                } else {
                    valid.add(line);
                }
            } catch (ClaimLine.Refused refusal) {
                refused.add(new Outcome(record.line(), "rejected", refusal.getMessage()));
            }
            if ((i + 1) % 2000 == 0) {
                progress(job.id(), "UPDATE table_import SET checked_lines = ?1 WHERE id = ?2", i + 1);
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            record(job.id(), refused);
            em.createNativeQuery("UPDATE table_import SET checked_lines = ?1, rejected = ?2 WHERE id = ?3")
                    .setParameter(1, total).setParameter(2, refused.size()).setParameter(3, job.id()).executeUpdate();
        });
        if (job.mode() == TableImport.Mode.all_or_nothing && !refused.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> finish(job.id(), TableImport.State.failed, refused.size()
                    + " of " + total + " lines are invalid, so nothing was imported. Correct them and upload the "
                    + "file again, or import with \"skip invalid lines\"."));
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Long> sources = new HashMap<>();
        if (job.mode() == TableImport.Mode.all_or_nothing) {
            QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> {
                lock();
                int[] counts = new int[3];
                for (int from = 0; from < valid.size(); from += BATCH) {
                    List<ClaimLine> batch = valid.subList(from, Math.min(from + BATCH, valid.size()));
                    Stored stored = store(job, batch, sources, now);
                    counts[0] += stored.imported();
                    counts[1] += stored.duplicates();
                    counts[2] += stored.sourcesCreated();
                    int done = from + batch.size();
                    // seen by other instances while this transaction is still open
                    QuarkusTransaction.requiringNew().run(() -> progressNow(job.id(), done));
                }
                record(job.id(), repeated);
                counts(job.id(), counts[0], counts[1] + repeated.size(), counts[2], valid.size());
                finish(job.id(), TableImport.State.done, "");
            });
            return;
        }
        for (int from = 0; from < valid.size(); from += BATCH) {
            List<ClaimLine> batch = valid.subList(from, Math.min(from + BATCH, valid.size()));
            int done = from + batch.size();
            QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> {
                lock();
                Stored stored = store(job, batch, sources, now);
                em.createNativeQuery("UPDATE table_import SET imported = imported + ?1, duplicates = duplicates + ?2, "
                        + "sources_created = sources_created + ?3, stored_lines = ?4 WHERE id = ?5")
                        .setParameter(1, stored.imported()).setParameter(2, stored.duplicates())
                        .setParameter(3, stored.sourcesCreated()).setParameter(4, done).setParameter(5, job.id())
                        .executeUpdate();
            });
        }
        QuarkusTransaction.requiringNew().run(() -> {
            record(job.id(), repeated);
            em.createNativeQuery("UPDATE table_import SET duplicates = duplicates + ?1, stored_lines = ?2 "
                    + "WHERE id = ?3")
                    .setParameter(1, repeated.size()).setParameter(2, valid.size()).setParameter(3, job.id())
                    .executeUpdate();
            finish(job.id(), TableImport.State.done, "");
        });
    }

    private Map<String, ClaimStatus> ratings() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, ClaimStatus> ratings = new HashMap<>();
            for (RatingMapping mapping : RatingMapping.<RatingMapping> listAll()) {
                ratings.put(mapping.label, mapping.status);
            }
            return ratings;
        });
    }

    private void lock() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, LOCK).getSingleResult();
    }

    private void progress(long id, String sql, int value) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).setParameter(1, value)
                .setParameter(2, id).executeUpdate());
    }

    private void progressNow(long id, int stored) {
        em.createNativeQuery("UPDATE table_import SET stored_lines = ?1 WHERE id = ?2").setParameter(1, stored)
                .setParameter(2, id).executeUpdate();
    }

    private void counts(long id, int imported, int duplicates, int sourcesCreated, int stored) {
        em.createNativeQuery("UPDATE table_import SET imported = ?1, duplicates = ?2, sources_created = ?3, "
                + "stored_lines = ?4 WHERE id = ?5").setParameter(1, imported).setParameter(2, duplicates)
                .setParameter(3, sourcesCreated).setParameter(4, stored).setParameter(5, id).executeUpdate();
    }

    private void finish(long id, TableImport.State state, String message) {
        // the clock, not now(): all or nothing finishes in the transaction that began with the import
        em.createNativeQuery("UPDATE table_import SET state = ?1, message = ?2, finished_at = clock_timestamp() "
                + "WHERE id = ?3")
                .setParameter(1, state.name()).setParameter(2, message).setParameter(3, id).executeUpdate();
    }

    private void record(long id, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO table_import_line (import_id, line, outcome, reason) VALUES (?, ?, ?, ?)")) {
                for (Outcome outcome : outcomes) {
                    insert.setLong(1, id);
                    insert.setInt(2, outcome.line());
                    insert.setString(3, outcome.outcome());
                    insert.setString(4, outcome.reason());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Stores one batch in the current transaction: finds or creates the sources, skips claims already stored. */
    private Stored store(Job job, List<ClaimLine> batch, Map<String, Long> sources, OffsetDateTime now) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            int created = resolveSources(connection, job, batch, sources);
            List<ClaimLine> fresh = new ArrayList<>();
            List<Outcome> duplicates = new ArrayList<>();
            Set<Integer> stored = storedAlready(connection, batch, sources);
            for (ClaimLine line : batch) {
                if (stored.contains(line.line())) {
                    duplicates.add(new Outcome(line.line(), "duplicate", "This claim of " + line.source()
                            + " is already on the desk."));
                } else {
                    fresh.add(line);
                }
            }
            List<Long> claimIds = insertClaims(connection, job, fresh, sources, now);
            // the vectors in the same transaction as the claims, so "Checked before?" finds them at once
            vectors.storeAll(connection, claimIds, fresh.stream().map(ClaimLine::statement).toList());
            record(job.id(), duplicates);
            return new Stored(fresh.size(), duplicates.size(), created);
        });
    }

    /** Finds each line's source by name or alias (any case), or creates it; returns how many were created. */
    private static int resolveSources(Connection connection, Job job, List<ClaimLine> batch, Map<String, Long> sources)
            throws SQLException {
        Map<String, ClaimLine> missing = new LinkedHashMap<>();
        for (ClaimLine line : batch) {
            String key = line.source().toLowerCase(Locale.ROOT);
            if (!sources.containsKey(key)) {
                missing.putIfAbsent(key, line);
            }
        }
        if (missing.isEmpty()) {
            return 0;
        }
        Set<String> names = new HashSet<>(missing.keySet());
        missing.values().stream().filter(l -> l.sourceAlias() != null)
                .forEach(l -> names.add(l.sourceAlias().toLowerCase(Locale.ROOT)));
        Map<String, Long> byName = new HashMap<>();
        Map<String, Set<Long>> byAlias = new HashMap<>();
        try (PreparedStatement find = connection.prepareStatement("SELECT s.id, lower(s.name), "
                + "array(SELECT lower(a) FROM unnest(s.aliases) a) FROM source s WHERE lower(s.name) = ANY(?) "
                + "OR EXISTS (SELECT 1 FROM unnest(s.aliases) a WHERE lower(a) = ANY(?))")) {
            Array wanted = connection.createArrayOf("text", names.toArray());
            find.setArray(1, wanted);
            find.setArray(2, wanted);
            try (ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    byName.put(rows.getString(2), id);
                    for (Object alias : (Object[]) rows.getArray(3).getArray()) {
                        byAlias.computeIfAbsent((String) alias, a -> new HashSet<>()).add(id);
                    }
                }
            }
        }
        List<ClaimLine> toCreate = new ArrayList<>();
        for (Map.Entry<String, ClaimLine> entry : missing.entrySet()) {
            ClaimLine line = entry.getValue();
            String alias = line.sourceAlias() == null ? null : line.sourceAlias().toLowerCase(Locale.ROOT);
            Long id = byName.get(entry.getKey());
            if (id == null && alias != null) {
                id = byName.get(alias);
            }
            if (id == null) {
                id = onlyOne(byAlias.get(entry.getKey()));
            }
            if (id == null && alias != null) {
                id = onlyOne(byAlias.get(alias));
            }
            if (id != null) {
                sources.put(entry.getKey(), id);
            } else {
                toCreate.add(line);
            }
        }
        if (toCreate.isEmpty()) {
            return 0;
        }
        List<Long> ids = ids(connection, "source_seq", toCreate.size());
        int created = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO source (id, name, aliases, kind, "
                + "created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT ((lower(name))) DO NOTHING")) {
            for (int i = 0; i < toCreate.size(); i++) {
                ClaimLine line = toCreate.get(i);
                insert.setLong(1, ids.get(i));
                insert.setString(2, line.source());
                insert.setArray(3, connection.createArrayOf("text",
                        line.sourceAlias() == null ? new Object[0] : new Object[] { line.sourceAlias() }));
                insert.setString(4, line.kind().name());
                insert.setLong(5, job.reviewerId());
                insert.setLong(6, job.reviewerId());
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                String key = toCreate.get(i).source().toLowerCase(Locale.ROOT);
                if (counts[i] == 1) {
                    sources.put(key, ids.get(i));
                    created++;
                }
            }
        }
        // a name another import created meanwhile
        for (ClaimLine line : toCreate) {
            String key = line.source().toLowerCase(Locale.ROOT);
            if (!sources.containsKey(key)) {
                try (PreparedStatement find = connection.prepareStatement(
                        "SELECT id FROM source WHERE lower(name) = ?")) {
                    find.setString(1, key);
                    try (ResultSet row = find.executeQuery()) {
                        row.next();
                        sources.put(key, row.getLong(1));
                    }
                }
            }
        }
        return created;
    }

    private static Long onlyOne(Set<Long> ids) {
        return ids != null && ids.size() == 1 ? ids.iterator().next() : null;
    }

    /** The line numbers of the batch whose claim (same source, same statement) is already stored. */
    private static Set<Integer> storedAlready(Connection connection, List<ClaimLine> batch, Map<String, Long> sources)
            throws SQLException {
        Set<Integer> lines = new HashSet<>();
        try (PreparedStatement find = connection.prepareStatement("SELECT t.line FROM unnest(?, ?, ?) "
                + "AS t(source_id, statement, line) WHERE EXISTS (SELECT 1 FROM claim c "
                + "WHERE c.source_id = t.source_id AND md5(c.statement) = md5(t.statement) "
                + "AND c.statement = t.statement)")) {
            find.setArray(1, connection.createArrayOf("bigint",
                    batch.stream().map(l -> sources.get(l.source().toLowerCase(Locale.ROOT))).toArray()));
            find.setArray(2, connection.createArrayOf("text", batch.stream().map(ClaimLine::statement).toArray()));
            find.setArray(3, connection.createArrayOf("integer", batch.stream().map(ClaimLine::line).toArray()));
            try (ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getInt(1));
                }
            }
        }
        return lines;
    }

    private static List<Long> insertClaims(Connection connection, Job job, List<ClaimLine> lines,
            Map<String, Long> sources, OffsetDateTime now) throws SQLException {
        if (lines.isEmpty()) {
            return List.of();
        }
        List<Long> claimIds = ids(connection, "claim_seq", lines.size());
        int decided = (int) lines.stream().filter(ClaimLine::isDecided).count();
        List<Long> reviewIds = ids(connection, "review_seq", decided);
        try (PreparedStatement claims = connection.prepareStatement("INSERT INTO claim (id, statement, quote, "
                + "source_id, claim_date, tags, status, decided_at, decided_by, created_by, created_at, updated_by, "
                + "updated_at, version, original_rating) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement reviews = connection.prepareStatement("INSERT INTO review (id, claim_id, "
                        + "reviewer_id, previous_status, status, rationale, claim_version, decided_at) "
                        + "VALUES (?, ?, ?, 'unverified', ?, ?, 0, ?)")) {
            int review = 0;
            for (int i = 0; i < lines.size(); i++) {
                ClaimLine line = lines.get(i);
                long id = claimIds.get(i);
                claims.setLong(1, id);
                claims.setString(2, line.statement());
                claims.setString(3, line.quote());
                claims.setLong(4, sources.get(line.source().toLowerCase(Locale.ROOT)));
                claims.setObject(5, line.claimDate(), Types.DATE);
                claims.setArray(6, connection.createArrayOf("text", line.tags().toArray()));
                claims.setString(7, line.status().name());
                claims.setObject(8, line.isDecided() ? now : null, Types.TIMESTAMP_WITH_TIMEZONE);
                if (line.isDecided()) {
                    claims.setLong(9, job.reviewerId());
                } else {
                    claims.setNull(9, Types.BIGINT);
                }
                claims.setLong(10, job.reviewerId());
                claims.setObject(11, now, Types.TIMESTAMP_WITH_TIMEZONE);
                claims.setLong(12, job.reviewerId());
                claims.setObject(13, now, Types.TIMESTAMP_WITH_TIMEZONE);
                // a decision bumps the version, as Verdicts.decide does
                claims.setLong(14, line.isDecided() ? 1 : 0);
                claims.setString(15, line.rating());
                claims.addBatch();
                if (line.isDecided()) {
                    reviews.setLong(1, reviewIds.get(review++));
                    reviews.setLong(2, id);
                    reviews.setLong(3, job.reviewerId());
                    reviews.setString(4, line.status().name());
                    reviews.setString(5, "Imported from " + job.fileName() + ", line " + line.line() + ", rated \""
                            + line.rating() + "\".");
                    reviews.setObject(6, now, Types.TIMESTAMP_WITH_TIMEZONE);
                    reviews.addBatch();
                }
            }
            claims.executeBatch();
            if (decided > 0) {
                reviews.executeBatch();
            }
        }
        return claimIds;
    }

    /**
     * {@code count} ids of {@code sequence} that Panache will never hand out: each sequence value fetched here reserves
     * the fifty ids that Panache would take it to mean (see {@link #ALLOCATION}).
     */
    static List<Long> ids(Connection connection, String sequence, int count) throws SQLException {
        List<Long> ids = new ArrayList<>(count);
        if (count == 0) {
            return ids;
        }
        try (PreparedStatement next = connection.prepareStatement(
                "SELECT nextval(cast(? AS regclass)) FROM generate_series(1, ?)")) {
            next.setString(1, sequence);
            next.setInt(2, count / ALLOCATION + 2);
            try (ResultSet values = next.executeQuery()) {
                while (values.next() && ids.size() < count) {
                    long low = values.getLong(1);
                    for (long id = low; id < low + ALLOCATION && ids.size() < count; id++) {
                        ids.add(id);
                    }
                }
            }
        }
        if (ids.size() < count) {
            throw new IllegalStateException("could not reserve " + count + " ids of " + sequence);
        }
        return ids;
    }
}
