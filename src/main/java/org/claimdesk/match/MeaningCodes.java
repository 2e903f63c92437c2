package org.claimdesk.match;

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
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.postgresql.PGStatement;

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
                int d = 0;
                for (int w = 0, o = j * LONGS; w < LONGS; w++) {
                    d += Long.bitCount(codes[o + w] ^ q[w]);
                }
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

    /** The loaded index if it matches the centroids in use; otherwise loads it (at once or in the background). */
    private Index current(Connection connection) throws SQLException {
        float[][] c = centroids.current();
        Fingerprint f = fingerprint;
        if (f == null || f.centroids() != c) {
            // the centroids are read again every minute: the same ones keep the codes
            f = new Fingerprint(c, Arrays.deepHashCode(c));
            fingerprint = f;
        }
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
            Thread loader = new Thread(() -> {
                long started = System.nanoTime();
                try (Connection own = dataSource.getConnection()) {
                    Index loaded = load(own, c, hash, true);
                    index = loaded;
                    LOG.infof("Claim matching: %,d vectors in memory in %,d ms", loaded.size,
                            (System.nanoTime() - started) / 1_000_000);
                } catch (SQLException | RuntimeException e) {
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
