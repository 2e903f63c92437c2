package org.claimdesk.match;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.claimdesk.system.DataDirectory;

import org.jboss.logging.Logger;
import org.postgresql.PGStatement;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The desk's claim vectors in memory as 384 sign bits each (48 bytes, so 56 MB a million claims with their ids),
 * grouped by the lists of {@link Centroids}: the first pass of a search by meaning. It shortlists by Hamming distance
 * the few hundred claims whose stored vectors are then compared in full. Reading 20,000 stored vectors per search
 * from the database instead cost about 80 ms of database time at a million claims.
 * <p>
 * Loaded from {@code claim_embedding} by the first search: within it on a small desk, in the background on a large
 * one, while searches read the database as before. It is kept current from the column {@code written}, which numbers
 * every write of a vector by any instance: each search first reads the rows written since the newest it has, and
 * every few seconds the last {@value #LAG} numbers are read again, for a transaction that took its number before a
 * later one committed. A claim deleted since stays in memory and is dropped when its stored vector is not found.
 * <p>
 * A large desk's codes are also kept in a file beside the data ({@value #SNAPSHOT} in the data folder), written when
 * they have been loaded and when the app stops, and read back in the background as the app starts: a million
 * claims' codes come back in well under a second instead of the seconds a read of every stored vector takes, and the
 * rows written since are read as above. The file is used only for the centroids it was written with and only if the
 * database has written at least as far as the file says; otherwise the codes are read from the database.
 */
@ApplicationScoped
public class MeaningCodes {

    private static final Logger LOG = Logger.getLogger(MeaningCodes.class);

    static final int LONGS = Embedder.DIMENSIONS / 64;
    /** A desk of at most this many vectors is loaded by the search that needs it; a larger one in the background. */
    static final long LOAD_AT_ONCE = 50_000;
    /** How many claims a search shortlists by Hamming distance, and how many vectors it reads the lists of. */
    static final int SHORTLIST = 400;
    static final int ROWS_READ = 100_000;
    static final long LAG = 1000;
    static final long RECHECK_NANOS = 5_000_000_000L;
    static final String SNAPSHOT = "claim-codes.bin";
    private static final int SNAPSHOT_VERSION = 1;

    @Inject
    DataSource dataSource;

    @Inject
    Centroids centroids;

    private volatile Index index;
    private volatile Fingerprint fingerprint;

    private record Fingerprint(float[][] centroids, int hash) {
    }
    private final AtomicBoolean loading = new AtomicBoolean();

    /** The vectors of one list: {@code size} ids, and {@code LONGS} longs of sign bits for each. */
    record Block(long[] ids, long[] codes, int size) {
    }

    /** The lists as loaded for one set of centroids, and what has been read of the writes since. */
    static final class Index {
        final int fingerprint;
        final AtomicReferenceArray<Block> lists;
        long mark;
        /** The write numbers seen above {@code mark - LAG}, so a row read again is not added twice. */
        final TreeSet<Long> recent = new TreeSet<>();
        long checkedAt = System.nanoTime();
        long size;

        Index(int fingerprint, int lists) {
            this.fingerprint = fingerprint;
            this.lists = new AtomicReferenceArray<>(lists);
            for (int i = 0; i < lists; i++) {
                this.lists.set(i, new Block(new long[16], new long[16 * LONGS], 0));
            }
        }

        /** Appends a vector (by one thread at a time: the loader, or a search holding the index's lock). */
        void add(int list, long id, long[] code) {
            if (list < 0 || list >= lists.length()) {
                return; // a list of centroids trained since: the next search reloads
            }
            Block b = lists.get(list);
            long[] ids = b.ids();
            long[] codes = b.codes();
            if (b.size() == ids.length) {
                ids = Arrays.copyOf(ids, ids.length * 2);
                codes = Arrays.copyOf(codes, codes.length * 2);
            }
            ids[b.size()] = id;
            System.arraycopy(code, 0, codes, b.size() * LONGS, LONGS);
            // published after the arrays are written: a reader sees a prefix that is whole
            lists.set(list, new Block(ids, codes, b.size() + 1));
            size++;
        }

        void seen(long written) {
            if (written > 0) {
                mark = Math.max(mark, written);
                if (written > mark - LAG) {
                    recent.add(written);
                    if (recent.size() > 4 * LAG) {
                        recent.headSet(mark - LAG, true).clear();
                    }
                }
            }
        }
    }

    /** Forgets the codes: the next search loads them again (tests of the first search). */
    void forget() {
        index = null;
    }

    /** Reads the codes kept at the last stop, if there are any, so the first searches need not wait for them. */
    void onStart(@Observes StartupEvent event) {
        Path file = snapshotFile();
        if (!Files.isRegularFile(file) || !loading.compareAndSet(false, true)) {
            return;
        }
        Thread restorer = new Thread(() -> {
            try {
                restoreFrom(file);
            } catch (SQLException | IOException | RuntimeException e) {
                LOG.infof("Claim matching: %s not used (%s); the first search reads the vectors", file, e.toString());
            } finally {
                loading.set(false);
            }
        }, "claim-matching-restore");
        restorer.setDaemon(true);
        restorer.start();
    }

    /** Keeps a large desk's codes for the next start. */
    void onStop(@Observes ShutdownEvent event) {
        Index ix = index;
        if (ix != null && ix.size > LOAD_AT_ONCE) {
            try {
                save(ix, snapshotFile());
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Claim matching: cannot keep the codes in %s (%s)", snapshotFile(), e.toString());
            }
        }
    }

    /** Writes the codes in memory to {@code file}; false when none are loaded. */
    boolean saveTo(Path file) throws IOException {
        Index ix = index;
        if (ix == null) {
            return false;
        }
        save(ix, file);
        return true;
    }

    /** Takes the codes kept in {@code file} when they fit this desk and none are loaded yet; true if taken. */
    boolean restoreFrom(Path file) throws IOException, SQLException {
        long started = System.nanoTime();
        int fingerprint = fingerprint().hash();
        long written;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement s = connection.prepareStatement(
                        "SELECT coalesce(max(written), 0) FROM claim_embedding");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            written = rs.getLong(1);
        }
        Index restored = restore(file, fingerprint, written);
        synchronized (this) {
            if (restored == null || index != null) {
                return false;
            }
            index = restored;
        }
        LOG.infof("Claim matching: %,d vectors in memory from %s in %,d ms", restored.size, file,
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    private static Path snapshotFile() {
        return DataDirectory.resolve().resolve(SNAPSHOT);
    }

    /** Writes the index to {@code file} (through a file beside it, renamed when whole). */
    static void save(Index ix, Path file) throws IOException {
        long mark;
        Long[] recent;
        Block[] blocks = new Block[ix.lists.length()];
        synchronized (ix) {
            mark = ix.mark;
            recent = ix.recent.toArray(new Long[0]);
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = ix.lists.get(i);
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial),
                1 << 16))) {
            out.writeInt(SNAPSHOT_VERSION);
            out.writeInt(LONGS);
            out.writeInt(ix.fingerprint);
            out.writeLong(mark);
            out.writeInt(recent.length);
            for (Long r : recent) {
                out.writeLong(r);
            }
            out.writeInt(blocks.length);
            for (Block b : blocks) {
                out.writeInt(b.size());
                for (int j = 0; j < b.size(); j++) {
                    out.writeLong(b.ids()[j]);
                }
                for (int j = 0; j < b.size() * LONGS; j++) {
                    out.writeLong(b.codes()[j]);
                }
            }
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The index kept in {@code file}, or null when it was written for other centroids than those whose fingerprint
     * is given, or when the database, whose newest write number is {@code written}, has not written as far as the
     * file says (another database, or one restored from an older backup).
     */
    static Index restore(Path file, int fingerprint, long written) throws IOException {
        Index ix;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != SNAPSHOT_VERSION || in.readInt() != LONGS || in.readInt() != fingerprint) {
                return null;
            }
            long mark = in.readLong();
            if (written < mark) {
                return null;
            }
            int recent = in.readInt();
            TreeSet<Long> seen = new TreeSet<>();
            for (int i = 0; i < recent; i++) {
                seen.add(in.readLong());
            }
            int lists = in.readInt();
            ix = new Index(fingerprint, lists);
            for (int i = 0; i < lists; i++) {
                int size = in.readInt();
                long[] ids = new long[Math.max(16, size)];
                long[] codes = new long[ids.length * LONGS];
                for (int j = 0; j < size; j++) {
                    ids[j] = in.readLong();
                }
                for (int j = 0; j < size * LONGS; j++) {
                    codes[j] = in.readLong();
                }
                ix.lists.set(i, new Block(ids, codes, size));
                ix.size += size;
            }
            ix.mark = mark;
            ix.recent.addAll(seen);
        }
        return ix;
    }

    /** The sign bits of a stored vector (one byte per dimension): 1 for a positive component. */
    static long[] code(byte[] stored) {
        long[] code = new long[LONGS];
        for (int d = 0; d < stored.length; d++) {
            if (stored[d] > 0) {
                code[d >>> 6] |= 1L << (d & 63);
            }
        }
        return code;
    }

    /** A query's sign bits: those its vector would have if stored, so a claim's own text is at distance 0. */
    static long[] code(float[] query) {
        return code(Embedder.quantize(query));
    }

    /**
     * The ids of at most {@code n} claims of the given lists nearest the query by Hamming distance (an id may come
     * twice, for an edited claim), or null while the codes are not loaded: then the caller reads the database.
     */
    long[] shortlist(Connection connection, float[] query, int[] probed, int n) throws SQLException {
        Index ix = current(connection);
        if (ix == null) {
            return null;
        }
        catchUp(connection, ix);
        Block[] blocks = new Block[probed.length];
        for (int i = 0; i < probed.length; i++) {
            blocks[i] = probed[i] < ix.lists.length() ? ix.lists.get(probed[i]) : null;
        }
        return nearest(blocks, code(query), n);
    }

    /** The ids of the {@code n} codes of the blocks nearest {@code q} by Hamming distance, in the blocks' order. */
    static long[] nearest(Block[] blocks, long[] q, int n) {
        int total = 0;
        for (Block b : blocks) {
            total += b == null ? 0 : b.size();
        }
        int[] distance = new int[total];
        int[] histogram = new int[Embedder.DIMENSIONS + 1];
        int at = 0;
        for (Block b : blocks) {
            if (b == null) {
                continue;
            }
            long[] codes = b.codes();
            for (int j = 0; j < b.size(); j++) {
                int d = distance(codes, j * LONGS, q);
                distance[at++] = d;
                histogram[d]++;
            }
        }
        // the distance within which n claims lie: all nearer ones are kept, and of that distance as many as fit
        int limit = 0;
        for (int seen = 0; limit <= Embedder.DIMENSIONS && seen + histogram[limit] < n; limit++) {
            seen += histogram[limit];
        }
        int atLimit = n;
        for (int d = 0; d < Math.min(limit, histogram.length); d++) {
            atLimit -= histogram[d];
        }
        long[] out = new long[Math.min(n, total)];
        int kept = 0;
        at = 0;
        for (Block b : blocks) {
            if (b == null) {
                continue;
            }
            for (int j = 0; j < b.size(); j++, at++) {
                int d = distance[at];
                if (d < limit || (d == limit && atLimit-- > 0)) {
                    out[kept++] = b.ids()[j];
                }
            }
        }
        return kept == out.length ? out : Arrays.copyOf(out, kept);
    }

    /** The Hamming distance of the code at {@code o} in {@code codes} to {@code q}, the six words written out. */
    private static int distance(long[] codes, int o, long[] q) {
        if (LONGS != 6) {
            int d = 0;
            for (int w = 0; w < LONGS; w++) {
                d += Long.bitCount(codes[o + w] ^ q[w]);
            }
            return d;
        }
        return Long.bitCount(codes[o] ^ q[0]) + Long.bitCount(codes[o + 1] ^ q[1])
                + Long.bitCount(codes[o + 2] ^ q[2]) + Long.bitCount(codes[o + 3] ^ q[3])
                + Long.bitCount(codes[o + 4] ^ q[4]) + Long.bitCount(codes[o + 5] ^ q[5]);
    }

    /** The centroids in use with their hash, which names the codes made for them. */
    private Fingerprint fingerprint() {
        float[][] c = centroids.current();
        Fingerprint f = fingerprint;
        if (f == null || f.centroids() != c) {
            // the centroids are read again every minute: the same ones keep the codes
            f = new Fingerprint(c, Arrays.deepHashCode(c));
            fingerprint = f;
        }
        return f;
    }

    /** The loaded index if it matches the centroids in use; otherwise loads it (at once or in the background). */
    private Index current(Connection connection) throws SQLException {
        Fingerprint f = fingerprint();
        float[][] c = f.centroids();
        int hash = f.hash();
        Index ix = index;
        if (ix != null && ix.fingerprint == hash) {
            return ix;
        }
        if (centroids.vectorCount() <= LOAD_AT_ONCE) {
            synchronized (this) {
                ix = index;
                if (ix == null || ix.fingerprint != hash) {
                    ix = load(connection, c, hash, false);
                    index = ix;
                }
                return ix;
            }
        }
        if (loading.compareAndSet(false, true)) {
            // codes of older centroids are of no use: let them go before the new ones take their memory
            index = null;
            Thread loader = new Thread(() -> {
                long started = System.nanoTime();
                try (Connection own = dataSource.getConnection()) {
                    Index loaded = load(own, c, hash, true);
                    index = loaded;
                    LOG.infof("Claim matching: %,d vectors in memory in %,d ms", loaded.size,
                            (System.nanoTime() - started) / 1_000_000);
                    save(loaded, snapshotFile());
                } catch (SQLException | IOException | RuntimeException e) {
                    LOG.warn("Claim matching: cannot load the vectors into memory; searches read the database", e);
                } finally {
                    loading.set(false);
                }
            }, "claim-matching-load");
            loader.setDaemon(true);
            loader.start();
        }
        return null;
    }

    /**
     * Reads every stored vector. {@code own} is a connection of the loader's alone: the rows stream through a
     * cursor in batches. Otherwise it is the search's, perhaps enlisted in the caller's transaction, which a cursor's
     * own transaction would disturb; a desk small enough to load there is read in one go.
     */
    private static Index load(Connection connection, float[][] c, int fingerprint, boolean own) throws SQLException {
        Index ix = new Index(fingerprint, c.length + 1);
        boolean autoCommit = connection.getAutoCommit();
        if (own) {
            connection.setAutoCommit(false);
        }
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT claim_id, centroid, vector, written FROM claim_embedding")) {
            // the vectors sent as bytes rather than hex
            s.unwrap(PGStatement.class).setPrepareThreshold(-1);
            if (own) {
                s.setFetchSize(20_000);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ix.add(rs.getInt(2), rs.getLong(1), code(rs.getBytes(3)));
                    ix.seen(rs.getLong(4));
                }
            }
        } finally {
            if (own) {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }
        ix.recent.headSet(ix.mark - LAG, true).clear();
        return ix;
    }

    /** Adds the vectors written since the newest seen, and now and then those of the last {@value #LAG} writes. */
    private static void catchUp(Connection connection, Index ix) throws SQLException {
        synchronized (ix) {
            boolean recheck = System.nanoTime() - ix.checkedAt > RECHECK_NANOS;
            long from = recheck ? ix.mark - LAG : ix.mark;
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT claim_id, centroid, vector, written FROM claim_embedding WHERE written > ?")) {
                s.setLong(1, from);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long written = rs.getLong(4);
                        if (!ix.recent.contains(written)) {
                            ix.add(rs.getInt(2), rs.getLong(1), code(rs.getBytes(3)));
                            ix.seen(written);
                        }
                    }
                }
            }
            if (recheck) {
                ix.checkedAt = System.nanoTime();
                ix.recent.headSet(ix.mark - LAG, true).clear();
            }
        }
    }
}
