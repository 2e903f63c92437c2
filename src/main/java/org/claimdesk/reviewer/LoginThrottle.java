package org.claimdesk.reviewer;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.claimdesk.system.ClaimdeskConfig;

/**
 * Refuses logins for a while after repeated failures, per account and per address. Failures are rows in
 * {@code login_failure}, so every app instance sees the same count. Its methods run inside the transaction of
 * {@link PasswordCheck}, which holds the locks of {@link #serialize} until the attempt is decided.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    EntityManager em;

    @Inject
    ClaimdeskConfig config;

    /**
     * Makes attempts on one account, or from one address, wait for each other until the end of the transaction,
     * so that concurrent guesses cannot all pass {@link #lockedFor} before any failure is counted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void serialize(String username, String address) {
        // always the account first, then the address: one order, so two attempts never wait on each other
        lock("login-account:" + truncate(username));
        lock("login-address:" + truncate(address));
    }

    /** How long logins for this account or from this address stay refused, if they are. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = Instant.now();
        Optional<Instant> byAccount = unlockTime("username", username, config.login().maxFailures(), now);
        Optional<Instant> byAddress = unlockTime("address", address, config.login().maxFailuresPerAddress(), now);
        return Stream.of(byAccount, byAddress).flatMap(Optional::stream).max(Comparator.naturalOrder())
                .map(until -> Duration.between(now, until));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordFailure(String username, String address) {
        em.createNativeQuery("INSERT INTO login_failure (username, address) VALUES (?1, ?2)")
                .setParameter(1, truncate(username))
                .setParameter(2, truncate(address))
                .executeUpdate();
    }

    /** A successful login forgets the account's failures, and drops rows older than the window. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSuccess(String username) {
        em.createNativeQuery("DELETE FROM login_failure WHERE username = ?1 OR failed_at < ?2")
                .setParameter(1, truncate(username))
                .setParameter(2, OffsetDateTime.now().minus(config.login().window()))
                .executeUpdate();
    }

    /** How long a lockout lasts, in words: whole minutes, rounded up. */
    public static String describe(Duration lockedFor) {
        long minutes = Math.max(1, (lockedFor.toSeconds() + 59) / 60);
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    private void lock(String key) {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked")
                .setParameter(1, key)
                .getSingleResult();
    }

    private Optional<Instant> unlockTime(String column, String value, int maxFailures, Instant now) {
        // The n-th most recent failure inside the window decides: the lock lifts when it leaves the window.
        @SuppressWarnings("unchecked")
        List<OffsetDateTime> recent = em.createNativeQuery("SELECT failed_at FROM login_failure WHERE " + column
                + " = ?1 AND failed_at > ?2 ORDER BY failed_at DESC LIMIT ?3", OffsetDateTime.class)
                .setParameter(1, truncate(value))
                .setParameter(2, OffsetDateTime.now().minus(config.login().window()))
                .setParameter(3, maxFailures)
                .getResultList();
        if (recent.size() < maxFailures) {
            return Optional.empty();
        }
        Instant until = recent.get(recent.size() - 1).toInstant().plus(config.login().window());
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    private static String truncate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > 64 ? value.substring(0, 64) : value;
    }
}
