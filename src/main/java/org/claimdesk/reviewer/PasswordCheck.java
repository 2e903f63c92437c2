package org.claimdesk.reviewer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.claimdesk.system.Tokens;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.jpa.runtime.JpaIdentityProvider;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/**
 * Decides one password attempt in one transaction: attempts on the same account queue behind each other, a
 * locked-out account is refused, the bcrypt check of quarkus-security-jpa runs, and a failure is counted before
 * the next attempt may look. A password that passed bcrypt recently is recognised again without bcrypt, so that
 * scripts sending HTTP Basic on every request neither wait nor trip the throttle.
 */
@ApplicationScoped
public class PasswordCheck {

    /** Attribute of the {@link AuthenticationFailedException} of a locked-out attempt: how long it stays locked. */
    public static final String LOCKED_FOR = "claimdesk.locked-for";

    private static final Duration RECENT = Duration.ofMinutes(10);

    private final Map<String, Verified> recentlyVerified = new ConcurrentHashMap<>();
    private final SecretKeySpec macKey;

    @Inject
    EntityManager em;

    @Inject
    JpaIdentityProvider passwords;

    @Inject
    LoginThrottle throttle;

    @Inject
    Sessions sessions;

    public PasswordCheck() {
        macKey = new SecretKeySpec(Tokens.bytes(32), "HmacSHA256");
    }

    /** A form login: open a session for it, in the same transaction as the check. */
    public record SessionRequest(String address, String userAgent) {
    }

    /**
     * @param session the session to open for a form login, or null for HTTP Basic
     * @throws AuthenticationFailedException for a wrong password, an unknown or a deactivated account, or, with
     *         the attribute {@link #LOCKED_FOR} and without checking the password, while the account or address is
     *         locked out
     */
    @Transactional(dontRollbackOn = AuthenticationFailedException.class)
    public SecurityIdentity check(UsernamePasswordAuthenticationRequest request, String address,
            SessionRequest session) {
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        Optional<Reviewer> account = Reviewer.findByUsername(username);
        boolean recognised = account.isPresent() && account.get().active && verifiedRecently(account.get(), password);
        if (!recognised) {
            throttle.serialize(username, address);
        }
        Optional<Duration> locked = throttle.lockedFor(username, address);
        if (locked.isPresent()) {
            // even a recognised password waits out the lock: the lock is the answer to guessing, right or wrong
            throw new AuthenticationFailedException("too many failed logins", Map.of(LOCKED_FOR, locked.get()));
        }
        SecurityIdentity checked = null;
        if (!recognised) {
            // another attempt may have changed the account while this one waited for the lock
            account.ifPresent(em::refresh);
            recognised = account.isPresent() && account.get().active && verifiedRecently(account.get(), password);
        }
        if (!recognised) {
            try {
                checked = passwords.authenticate(em, request);
            } catch (AuthenticationFailedException wrong) {
                throttle.recordFailure(username, address);
                throw wrong;
            }
            if (checked == null || account.isEmpty() || !account.get().active) {
                throttle.recordFailure(username, address);
                throw new AuthenticationFailedException("unknown or deactivated account");
            }
            throttle.recordSuccess(username);
            recentlyVerified.put(username, new Verified(mac(account.get(), password), System.nanoTime()));
        }
        SecurityIdentity identity = identity(account.get(), checked);
        if (session == null) {
            return identity;
        }
        String sessionId = sessions.start(account.get(), session.address(), session.userAgent());
        return QuarkusSecurityIdentity.builder(identity).addAttribute(Sessions.SESSION_ID, sessionId).build();
    }

    private boolean verifiedRecently(Reviewer account, String password) {
        Verified verified = recentlyVerified.get(account.username);
        return verified != null && System.nanoTime() - verified.atNanos() < RECENT.toNanos()
                && MessageDigest.isEqual(verified.mac(), mac(account, password));
    }

    /** Bound to the stored hash as well, so that a password change or reset forgets the old password at once. */
    private byte[] mac(Reviewer account, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            mac.update(account.passwordHash.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecurityIdentity identity(Reviewer account, SecurityIdentity checked) {
        QuarkusSecurityIdentity.Builder builder = checked != null ? QuarkusSecurityIdentity.builder(checked)
                : QuarkusSecurityIdentity.builder()
                        .setPrincipal(new io.quarkus.security.runtime.QuarkusPrincipal(account.username));
        return builder.addRoles(account.access().grants()).build();
    }

    private record Verified(byte[] mac, long atNanos) {
    }

}
