package org.claimdesk.system;

import java.util.function.Supplier;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.hibernate.orm.panache.Panache;

/** A write that started from a version someone else has since replaced: refused with 409, never applied. */
public class Stale extends ClientError {

    private final String kind;
    private final long id;

    public Stale(String kind, long id, String message) {
        super(409, message);
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public long id() {
        return id;
    }

    /**
     * Writes now, so that a write that raced another one is refused here, inside the caller's handling, rather than at
     * commit. A version mismatch or a unique index that guards versions (such as one decision per claim version) both
     * mean the other write won.
     */
    public static void flush(Supplier<? extends ClientError> refusal) {
        try {
            Panache.getEntityManager().flush();
        } catch (OptimisticLockException e) {
            throw refusal.get();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw refusal.get();
            }
            throw e;
        }
    }
}
