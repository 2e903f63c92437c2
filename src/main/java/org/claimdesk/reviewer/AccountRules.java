package org.claimdesk.reviewer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import org.claimdesk.audit.AuditEntry;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.Role;
import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * What may be done to accounts, shared by the admin pages and the API: names must be free, passwords strong,
 * edits must start from the current version, and the desk always keeps one active administrator.
 */
@ApplicationScoped
public class AccountRules {

    @Inject
    Sessions sessions;

    @Inject
    LoginThrottle throttle;

    @Inject
    SecurityIdentity identity;

    private static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{2,63}";

    @Transactional
    public Reviewer create(String username, String password, String role) {
        String name = Reviewer.normalize(username);
        List<Map<String, String>> errors = new ArrayList<>();
        if (name == null || name.isEmpty()) {
            errors.add(error("username", "Enter a username."));
        } else if (!name.matches(USERNAME_PATTERN)) {
            errors.add(error("username", "Use 3 to 64 letters, digits, dots, dashes or underscores, "
                    + "starting with a letter or digit."));
        }
        Role parsed = Role.parse(role).orElse(null);
        if (parsed == null) {
            errors.add(unknownRole());
        }
        PasswordPolicy.problem(password, name).ifPresent(p -> errors.add(error("password", p)));
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        if (Reviewer.findByUsername(name).isPresent()) {
            throw taken(name);
        }
        try {
            Reviewer created = Reviewer.create(name, password, parsed);
            Reviewer.flush(); // two admins creating the same name at once: the unique index decides, now
            AuditEntry.record(actor(), "account.created", name, "role " + parsed.name());
            return created;
        } catch (ConstraintViolationException e) {
            if ("reviewer_username_key".equals(e.getConstraintName())) {
                throw taken(name);
            }
            throw e;
        }
    }

    @Transactional
    public Reviewer changeRole(long id, String role, Long version) {
        Reviewer reviewer = current(id, version);
        Role parsed = Role.parse(role).orElseThrow(() -> invalid(List.of(unknownRole())));
        if (reviewer.access() == Role.admin && parsed != Role.admin && reviewer.active) {
            keepOneAdmin();
        }
        String before = reviewer.role;
        reviewer.role = parsed.name();
        saved(reviewer);
        if (!before.equals(reviewer.role)) {
            AuditEntry.record(actor(), "account.role-changed", reviewer.username, before + " → " + reviewer.role);
        }
        return reviewer;
    }

    @Transactional
    public Reviewer setActive(long id, boolean active, Long version) {
        Reviewer reviewer = current(id, version);
        if (!active && reviewer.active && reviewer.access() == Role.admin) {
            keepOneAdmin();
        }
        boolean before = reviewer.active;
        reviewer.active = active;
        saved(reviewer); // the row lock first: a login racing this waits, then finds the account inactive
        if (before != active) {
            AuditEntry.record(actor(), active ? "account.reactivated" : "account.deactivated", reviewer.username,
                    "role " + reviewer.role);
        }
        if (!active) {
            sessions.endAll(reviewer.id, null);
        }
        return reviewer;
    }

    @Transactional
    public Reviewer resetPassword(long id, String password, Long version) {
        Reviewer reviewer = current(id, version);
        PasswordPolicy.problem(password, reviewer.username).ifPresent(p -> {
            throw invalid(List.of(error("password", p)));
        });
        reviewer.setPassword(password);
        saved(reviewer); // the row lock first: a login with the old password racing this one is refused or ended
        sessions.endAll(reviewer.id, null); // whoever knew the old password is logged out
        AuditEntry.record(actor(), "account.password-reset", reviewer.username, "");
        return reviewer;
    }

    /**
     * A person changing their own password must know the current one, and wrong guesses count towards the same
     * lockout as failed logins, so a stolen session cannot be used to find the password. Their other sessions end;
     * the one they are using ({@code keepSession}) stays open.
     */
    @Transactional(dontRollbackOn = ClientError.class) // a wrong guess is recorded even though the change is refused
    public void changeOwnPassword(String username, String current, String replacement, String confirmation,
            String keepSession, String address) {
        Reviewer reviewer = Reviewer.findByUsername(username).orElseThrow(() -> ClientError.notFound("No such account."));
        throttle.serialize(username, address);
        throttle.lockedFor(username, address).ifPresent(locked -> {
            throw new ClientError(429, "Too many wrong passwords. Try again in " + LoginThrottle.describe(locked) + ".");
        });
        List<Map<String, String>> errors = new ArrayList<>();
        if (current == null || !reviewer.passwordMatches(current)) {
            throttle.recordFailure(username, address);
            errors.add(error("current", "The current password is not correct."));
        }
        PasswordPolicy.problem(replacement, reviewer.username).ifPresent(p -> errors.add(error("password", p)));
        if (replacement != null && !replacement.equals(confirmation)) {
            errors.add(error("confirmation", "The two new passwords do not match."));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        reviewer.setPassword(replacement);
        saved(reviewer);
        sessions.endAll(reviewer.id, keepSession);
    }

    /** The admin acting, or null when Claimdesk itself acts (the first admin, created at start). */
    private Reviewer actor() {
        if (!Arc.container().requestContext().isActive() || identity.isAnonymous()) {
            return null;
        }
        return Reviewer.findByUsername(identity.getPrincipal().getName()).orElse(null);
    }

    private static Reviewer current(long id, Long version) {
        if (version == null) {
            throw ClientError.badRequest("The form lacks the version of the account it was opened on. "
                    + "Reload the page and try again.");
        }
        Reviewer reviewer = Reviewer.<Reviewer> findByIdOptional(id)
                .orElseThrow(() -> ClientError.notFound("There is no account with id " + id + "."));
        if (reviewer.version != version) {
            throw stale(reviewer);
        }
        return reviewer;
    }

    /** Writes now, so that an edit that raced another one is refused here as a conflict, not at commit. */
    private static Reviewer saved(Reviewer reviewer) {
        try {
            Reviewer.flush();
        } catch (OptimisticLockException e) {
            throw stale(reviewer);
        }
        return reviewer;
    }

    private static ClientError stale(Reviewer reviewer) {
        return ClientError.conflict("Someone else changed the account \"" + reviewer.username
                + "\" after you opened it. Your change was not saved; reload the page and make it again.");
    }

    private static Map<String, String> unknownRole() {
        return error("role", "Choose a role: " + String.join(", ", Role.names()) + ".");
    }

    private static ClientError taken(String name) {
        return new ClientError(409, "The username \"" + name + "\" is already taken.",
                List.of(error("username", "This username is already taken.")));
    }

    private static void keepOneAdmin() {
        // locks the active admins' rows: two admins demoting each other at once are serialised here
        if (Reviewer.lockActiveAdmins() <= 1) {
            throw ClientError.conflict("This is the only active administrator. Make another account an "
                    + "administrator first, so that someone can still manage the desk.");
        }
    }

    static ClientError invalid(List<Map<String, String>> errors) {
        return ClientError.invalid(errors);
    }

    static Map<String, String> error(String field, String message) {
        return ClientError.fieldError(field, message);
    }
}
