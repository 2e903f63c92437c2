package org.claimdesk.match;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The centroids of the inverted-file index (table {@code match_centroid}): which list a new vector joins and which
 * lists a search reads. Read from the database and kept for a minute, so a second instance or a re-index elsewhere is
 * seen soon without a query per search.
 */
@ApplicationScoped
public class Centroids {

    /** A search reads the lists of at least this many centroids nearest the query... */
    static final int PROBES = 12;
    /**
     * ...and of as many more as hold about this many vectors in all (7.7 MB): on a small desk every list, so nothing
     * is missed; at a million claims (1,000 lists of about 1,000) some twenty of them.
     */
    static final int ROWS_READ = 20_000;
    static final long RELOAD_NANOS = 60_000_000_000L;

    @Inject
    DataSource dataSource;

    private volatile float[][] centroids;
    private volatile double vectors;
    private volatile long loadedAt;

    float[][] current() {
        float[][] c = centroids;
        if (c == null || System.nanoTime() - loadedAt > RELOAD_NANOS) {
            try (Connection connection = dataSource.getConnection()) {
                c = load(connection);
                vectors = vectors(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the claim-matching centroids", e);
            }
            centroids = c;
            loadedAt = System.nanoTime();
        }
        return c;
    }

    /** About how many vectors the desk holds, as read with the centroids (at most a minute old). */
    double vectorCount() {
        current();
        return vectors;
    }

    /** About how many vectors there are: the planner's estimate, counted while there is none. */
    static double vectors(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT reltuples FROM pg_class WHERE oid = 'claim_embedding'::regclass");
                ResultSet rs = s.executeQuery()) {
            if (rs.next() && rs.getDouble(1) > 0) {
                return rs.getDouble(1);
            }
        }
        try (PreparedStatement s = connection.prepareStatement("SELECT count(*) FROM claim_embedding");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Forgets the cached centroids, after a re-index in this process. */
    void forget() {
        centroids = null;
    }

    static float[][] load(Connection connection) throws SQLException {
        List<float[]> list = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT vector FROM match_centroid ORDER BY id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                list.add(Embedder.dequantize(rs.getBytes(1)));
            }
        }
        return list.toArray(new float[0][]);
    }

    /** The list a vector belongs to: its nearest centroid's id (1 and up), or 0 while there are none. */
    int assign(float[] v) {
        return nearest(current(), v);
    }

    static int nearest(float[][] c, float[] v) {
        int best = 0;
        double bestDot = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < c.length; i++) {
            double d = Embedder.dot(c[i], v);
            if (d > bestDot) {
                bestDot = d;
                best = i + 1;
            }
        }
        return best;
    }

    /** The lists to read for a query from the database, nearest first; {0} while there are no centroids. */
    int[] probe(float[] v) {
        return probe(v, ROWS_READ);
    }

    /** The lists nearest a query that hold about {@code rows} vectors in all (at least {@value #PROBES} lists). */
    int[] probe(float[] v, int rows) {
        float[][] c = current();
        if (c.length == 0) {
            return new int[] { 0 };
        }
        double perList = Math.max(1, vectors / c.length);
        int n = (int) Math.min(c.length, Math.max(PROBES, Math.ceil(rows / perList)));
        double[] dots = new double[c.length];
        Integer[] order = new Integer[c.length];
        for (int i = 0; i < c.length; i++) {
            dots[i] = Embedder.dot(c[i], v);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(dots[b], dots[a]));
        int[] lists = new int[n];
        for (int i = 0; i < n; i++) {
            lists[i] = order[i] + 1;
        }
        return lists;
    }

    /** About the square root of the number of claims, the usual balance of lists read against rows per list. */
    static int countFor(long claims) {
        return (int) Math.max(1, Math.min(1024, Math.round(Math.sqrt(claims))));
    }

    /** Spherical k-means (cosine), seeded from the sample itself, a fixed number of rounds. */
    static float[][] train(List<float[]> sample, int k, long seed) {
        Random random = new Random(seed);
        k = Math.min(k, sample.size());
        float[][] c = new float[k][];
        List<float[]> shuffled = new ArrayList<>(sample);
        java.util.Collections.shuffle(shuffled, random);
        for (int i = 0; i < k; i++) {
            c[i] = shuffled.get(i).clone();
        }
        int[] assigned = new int[sample.size()];
        for (int round = 0; round < 8; round++) {
            for (int s = 0; s < sample.size(); s++) {
                assigned[s] = nearest(c, sample.get(s)) - 1;
            }
            float[][] sums = new float[k][Embedder.DIMENSIONS];
            int[] sizes = new int[k];
            for (int s = 0; s < sample.size(); s++) {
                float[] v = sample.get(s);
                float[] sum = sums[assigned[s]];
                for (int d = 0; d < v.length; d++) {
                    sum[d] += v[d];
                }
                sizes[assigned[s]]++;
            }
            for (int i = 0; i < k; i++) {
                // an empty list takes a random vector of the sample, so no centroid is wasted
                c[i] = sizes[i] == 0 ? sample.get(random.nextInt(sample.size())).clone() : Embedder.normalised(sums[i]);
            }
        }
        return c;
    }

    /** Replaces the stored centroids (in the caller's transaction). */
    static void store(Connection connection, float[][] c) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM match_centroid")) {
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO match_centroid (id, vector) VALUES (?, ?)")) {
            for (int i = 0; i < c.length; i++) {
                insert.setInt(1, i + 1);
                insert.setBytes(2, Embedder.quantize(c[i]));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
