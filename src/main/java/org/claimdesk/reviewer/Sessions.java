package org.claimdesk.reviewer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;

import io.quarkus.security.AuthenticationFailedException;

import org.claimdesk.system.ClaimdeskConfig;
import org.claimdesk.system.Role;
import org.claimdesk.system.Tokens;

/**
 * The server-side record of browser sessions. The cookie only names a row here; ending the row ends the session,
 * which a stateless cookie alone could not do.
 */
@ApplicationScoped
public class Sessions {

    /** Identity attribute holding the id of the session a request belongs to. */
    public static final String SESSION_ID = "claimdesk.session-id";

    @Inject
    EntityManager em;

    @Inject
    ClaimdeskConfig config;

    @Inject
    DataSource dataSource;

    /**
     * Opens a session for a form login that has just passed the password check, and forgets sessions that ended or
     * idled out long ago. The account row is share-locked and must still hold the checked password and be active:
     * a reset or deactivation that commits first refuses this login, and one that commits later waits for it and
     * then ends the new session too.
     */
    @Transactional
    public String start(Reviewer account, String address, String userAgent) {
        List<?> current = em.createNativeQuery(
                "SELECT id FROM reviewer WHERE id = ?1 AND password_hash = ?2 AND active FOR SHARE")
                .setParameter(1, account.id)
                .setParameter(2, account.passwordHash)
                .getResultList();
        if (current.isEmpty()) {
            throw new AuthenticationFailedException("the password or the account changed during the login");
        }
        String id = Tokens.random(32);
        em.createNativeQuery("INSERT INTO reviewer_session (id, reviewer_id, address, user_agent) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, id)
                .setParameter(2, account.id)
                .setParameter(3, truncate(address, 64))
                .setParameter(4, truncate(userAgent, 256))
                .executeUpdate();
        em.createNativeQuery("DELETE FROM reviewer_session WHERE last_seen_at < ?1")
                .setParameter(1, OffsetDateTime.now().minusDays(30))
                .executeUpdate();
        return id;
    }

    /**
     * The role of the account behind a session, if the session is open, has not idled out and its account is still
     * active. Notes the session as seen, at most once a minute, so that most requests only read.
     *
     * <p>Every request asks the database, so that a logout, a deactivation or a role change on any instance takes
     * effect on the next request; it is one autocommitted statement on a pooled connection, without a JTA
     * transaction or a Hibernate session, since it runs before every page (see benchmarks.md, issue 17).
     */
    public Optional<Role> open(String username, String sessionId) {
        OffsetDateTime now = OffsetDateTime.now();
        try (Connection connection = dataSource.getConnection()) {
            String role;
            boolean due;
            try (PreparedStatement check = connection.prepareStatement(OPEN)) {
                check.setString(1, sessionId);
                check.setString(2, username);
                check.setObject(3, now.minus(config.session().idleTimeout()));
                try (ResultSet row = check.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    role = row.getString(1);
                    due = row.getBoolean(2);
                }
            }
            if (due) {
                // once a minute per session; of concurrent requests, one updates and the others go on without waiting
                try (PreparedStatement seen = connection.prepareStatement(SEEN)) {
                    seen.setString(1, sessionId);
                    seen.executeUpdate();
                }
            }
            return Role.parse(role);
        } catch (SQLException e) {
            throw new IllegalStateException("The session could not be checked: " + e.getMessage(), e);
        }
    }

    private static final String OPEN = "SELECT r.role, s.last_seen_at < now() - interval '1 minute' FROM reviewer_session s "
            + "JOIN reviewer r ON r.id = s.reviewer_id "
            + "WHERE s.id = ? AND r.username = ? AND s.ended_at IS NULL AND r.active AND s.last_seen_at > ?";
    private static final String SEEN = "UPDATE reviewer_session SET last_seen_at = now() WHERE id = (SELECT id FROM "
            + "reviewer_session WHERE id = ? AND last_seen_at < now() - interval '1 minute' FOR UPDATE SKIP LOCKED)";

    @Transactional
    public void end(String sessionId) {
        em.createNativeQuery("UPDATE reviewer_session SET ended_at = now() WHERE id = ?1 AND ended_at IS NULL")
                .setParameter(1, sessionId).executeUpdate();
    }

    /** Ends every open session of an account but {@code keep} (which may be null). */
    @Transactional
    public int endAll(long reviewerId, String keep) {
        return em.createNativeQuery("UPDATE reviewer_session SET ended_at = now() "
                + "WHERE reviewer_id = ?1 AND ended_at IS NULL AND id <> ?2")
                .setParameter(1, reviewerId)
                .setParameter(2, keep == null ? "" : keep)
                .executeUpdate();
    }

    private static String truncate(String value, int length) {
        if (value == null) {
            return "";
        }
        return value.length() > length ? value.substring(0, length) : value;
    }
}
