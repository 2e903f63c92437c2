package org.claimdesk.match;

import java.sql.Connection;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.QuarkusApplication;

/**
 * The matching engine's commands of the packaged app (no HTTP listener): {@code match-index} embeds the claims that
 * have no vector yet (claims stored before this feature) and trains the inverted-file lists again;
 * {@code evaluate-matching} runs {@link MatchEvaluation}.
 */
public class MatchCommands implements QuarkusApplication {

    public static final String INDEX = "match-index";
    public static final String EVALUATE = "evaluate-matching";

    private static final Logger LOG = Logger.getLogger(MatchCommands.class);

    @Inject
    DataSource dataSource;

    @Inject
    ClaimVectors vectors;

    @Inject
    MatchEvaluation evaluation;

    @Override
    public int run(String... args) throws Exception {
        if (args.length > 0 && args[0].equals(EVALUATE)) {
            return evaluation.run(args);
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long embedded = vectors.embedMissing(connection);
            int lists = vectors.reindex(connection, 7);
            connection.commit();
            LOG.infof("match-index: %,d claims embedded, %d lists trained", embedded, lists);
        }
        return 0;
    }
}
