package org.claimdesk.match;

import java.sql.Connection;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import org.claimdesk.system.Command;

/**
 * The matching engine's commands of the packaged app (no HTTP listener): {@code match-index} embeds the claims that
 * have no vector yet (claims stored before this feature) and trains the inverted-file lists again;
 * {@code evaluate-matching} runs {@link MatchEvaluation}.
 */
@Dependent
public class MatchCommands implements Command {

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
    public Set<String> names() {
        return Set.of(INDEX, EVALUATE);
    }

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
