package org.claimdesk.reviewer;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.claimdesk.system.Role;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;

/** A person who logs in to the desk. Passwords are stored as bcrypt hashes only. */
@Entity
@Table(name = "reviewer")
@UserDefinition
public class Reviewer extends PanacheEntity {

    @Username
    public String username;

    @Password(PasswordType.MCF)
    @Column(name = "password_hash")
    public String passwordHash;

    @Roles
    public String role;

    public boolean active = true;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public static Reviewer create(String username, String password, Role role) {
        Reviewer reviewer = new Reviewer();
        reviewer.username = normalize(username);
        reviewer.setPassword(password);
        reviewer.role = role.name();
        reviewer.persist();
        return reviewer;
    }

    public void setPassword(String password) {
        passwordHash = BcryptUtil.bcryptHash(password);
    }

    public boolean passwordMatches(String password) {
        return BcryptUtil.matches(password, passwordHash);
    }

    public Role access() {
        return Role.valueOf(role);
    }

    public static Optional<Reviewer> findByUsername(String username) {
        return find("username", normalize(username)).firstResultOptional();
    }

    /** Whom claims can be assigned to: active reviewers and administrators, by username. */
    public static List<Assignee> assignees() {
        return getEntityManager().createQuery("select new org.claimdesk.reviewer.Assignee(r.id, r.username) "
                + "from Reviewer r where r.active = true and r.role in ('admin', 'reviewer') order by r.username",
                Assignee.class).getResultList();
    }

    public static List<Reviewer> listByName() {
        return list("order by username");
    }

    public static long countActiveAdmins() {
        return count("role = ?1 and active = true", Role.admin.name());
    }

    /** Counts the active admins, locking their rows until the transaction ends. */
    public static int lockActiveAdmins() {
        return getEntityManager()
                .createNativeQuery("SELECT id FROM reviewer WHERE role = 'admin' AND active FOR UPDATE")
                .getResultList().size();
    }

    /** Usernames are compared in lower case, so "Alice" and "alice" are one account. */
    public static String normalize(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
    }
}
