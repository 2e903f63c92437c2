package org.claimdesk.match;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.postgresql.PGConnection;

/**
 * Writes claims' vectors (table {@code claim_embedding}) in the transaction that writes the claims: one at a time for
 * the pages and the API, in batches for imports and the generator.
 */
@ApplicationScoped
public class ClaimVectors {

    static final String UPSERT = "INSERT INTO claim_embedding (claim_id, centroid, vector) VALUES (?1, ?2, ?3) "
            + "ON CONFLICT (claim_id) DO UPDATE SET centroid = EXCLUDED.centroid, vector = EXCLUDED.vector";

    @Inject
    Embedder embedder;

    @Inject
    Centroids centroids;

    @Inject
    EntityManager em;

    /** Stores the vector of a claim's (new or edited) statement; joins the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(long claimId, String statement) {
        float[] v = embedder.embed(statement);
        em.createNativeQuery(UPSERT).setParameter(1, claimId).setParameter(2, centroids.assign(v))
                .setParameter(3, Embedder.quantize(v)).executeUpdate();
    }

    /** Stores many claims' vectors through the caller's connection and transaction (plain JDBC writers). */
    public void storeAll(Connection connection, List<Long> claimIds, List<String> statements) throws SQLException {
        if (claimIds.isEmpty()) {
            return;
        }
        List<float[]> vectors = embedder.embedAll(statements);
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT.replace("?1", "?").replace("?2", "?")
                .replace("?3", "?"))) {
            for (int i = 0; i < claimIds.size(); i++) {
                upsert.setLong(1, claimIds.get(i));
                upsert.setInt(2, centroids.assign(vectors.get(i)));
                upsert.setBytes(3, Embedder.quantize(vectors.get(i)));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /**
     * A bulk writer of new claims' vectors for one connection and transaction (the generator): while the desk has no
     * centroids, the first batch trains them (for {@code expectedClaims} in all) and the vectors already stored move
     * to their lists.
     */
    public Bulk bulk(Connection connection, long expectedClaims) throws SQLException {
        return new Bulk(connection, Centroids.load(connection), expectedClaims);
    }

    public final class Bulk {
        private final Connection connection;
        private float[][] lists;
        private final long expectedClaims;

        Bulk(Connection connection, float[][] lists, long expectedClaims) {
            this.connection = connection;
            this.lists = lists;
            this.expectedClaims = expectedClaims;
        }

        public void add(List<Long> claimIds, List<String> statements) throws SQLException {
            List<float[]> v = embedder.embedAll(statements);
            if (lists.length == 0 && expectedClaims >= TRAIN_FROM) {
                lists = Centroids.train(v, Centroids.countFor(expectedClaims), 7);
                Centroids.store(connection, lists);
                moveListZero(connection, lists);
                centroids.forget();
            }
            copyAll(connection, claimIds, v, lists);
        }
    }

    /** Below this many claims a search reads every vector, and no centroids are trained. */
    public static final int TRAIN_FROM = 5000;

    static void moveListZero(Connection connection, float[][] lists) throws SQLException {
        List<long[]> moves = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT claim_id, vector FROM claim_embedding WHERE centroid = 0");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                moves.add(new long[] { rs.getLong(1), Centroids.nearest(lists, Embedder.dequantize(rs.getBytes(2))) });
            }
        }
        move(connection, moves);
    }

    private static void move(Connection connection, List<long[]> moves) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE claim_embedding SET centroid = ? WHERE claim_id = ?")) {
            for (long[] m : moves) {
                update.setInt(1, (int) m[1]);
                update.setLong(2, m[0]);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /**
     * Copies many new claims' vectors in with COPY (the generator): the centroids given, not the cached ones, since
     * the generator may have trained them in its own uncommitted transaction.
     */
    public static void copyAll(Connection connection, List<Long> claimIds, List<float[]> vectors, float[][] lists)
            throws SQLException {
        StringBuilder rows = new StringBuilder(claimIds.size() * 800);
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < claimIds.size(); i++) {
            rows.append(claimIds.get(i)).append(',').append(Centroids.nearest(lists, vectors.get(i))).append(",\\x")
                    .append(hex.formatHex(Embedder.quantize(vectors.get(i)))).append('\n');
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY claim_embedding (claim_id, centroid, vector) FROM STDIN WITH (FORMAT csv)",
                    new ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new SQLException("Cannot copy the claims' vectors", e);
        }
    }

    /** Embeds every claim that has no vector yet, in batches; returns how many. */
    public long embedMissing(Connection connection) throws SQLException {
        long done = 0;
        while (true) {
            List<Long> ids = new ArrayList<>();
            List<String> statements = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT c.id, c.statement FROM claim c WHERE NOT "
                    + "EXISTS (SELECT 1 FROM claim_embedding e WHERE e.claim_id = c.id) ORDER BY c.id LIMIT 1000")) {
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        statements.add(rs.getString(2));
                    }
                }
            }
            if (ids.isEmpty()) {
                return done;
            }
            storeAll(connection, ids, statements);
            done += ids.size();
        }
    }

    /**
     * Trains the centroids on a sample of the stored vectors and moves every vector to its nearest one: the command
     * {@code match-index}, for a desk that grew by hand rather than by the generator. Returns the number of lists.
     */
    public int reindex(Connection connection, long seed) throws SQLException {
        long count;
        try (PreparedStatement s = connection.prepareStatement("SELECT count(*) FROM claim_embedding");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            count = rs.getLong(1);
        }
        int k = Centroids.countFor(count);
        List<float[]> sample = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT vector FROM claim_embedding ORDER BY md5(claim_id::text) LIMIT ?")) {
            s.setInt(1, Math.max(k, 40 * k));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sample.add(Embedder.dequantize(rs.getBytes(1)));
                }
            }
        }
        if (sample.isEmpty()) {
            return 0;
        }
        float[][] lists = Centroids.train(sample, k, seed);
        Centroids.store(connection, lists);
        List<long[]> moves = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT claim_id, vector FROM claim_embedding")) {
            s.setFetchSize(5000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    moves.add(new long[] { rs.getLong(1), Centroids.nearest(lists, Embedder.dequantize(rs.getBytes(2))) });
                }
            }
        }
        move(connection, moves);
        centroids.forget();
        return lists.length;
    }
}
