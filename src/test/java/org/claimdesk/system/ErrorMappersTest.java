package org.claimdesk.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

class ErrorMappersTest {

    @Test
    void aRefusedOrDroppedConnectionCountsAsTheDatabaseBeingAway() {
        assertTrue(ErrorMappers.databaseUnreachable(new SQLException("Connection refused", "08001")));
        assertTrue(ErrorMappers.databaseUnreachable(
                new PersistenceException("Unable to acquire JDBC Connection", new SQLException("refused", "08006"))));
        assertTrue(ErrorMappers.databaseUnreachable(new SQLException("terminating connection", "57P01")));
        assertTrue(ErrorMappers.databaseUnreachable(new RuntimeException(new java.net.ConnectException("refused"))));
    }

    @Test
    void otherDatabaseErrorsAreFaultsNotOutages() {
        assertFalse(ErrorMappers.databaseUnreachable(new SQLException("duplicate key", "23505")));
        assertFalse(ErrorMappers.databaseUnreachable(new SQLException("no state")));
        assertFalse(ErrorMappers.databaseUnreachable(new IllegalStateException("bug")));
    }

    @Test
    void aCommitThatLostItsConnectionCountsAsTheDatabaseBeingAway() {
        // Narayana's RollbackException carries the commit's failure only as a suppressed exception
        jakarta.transaction.RollbackException commit = new jakarta.transaction.RollbackException(
                "ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertTrue(ErrorMappers.databaseUnreachable(new RuntimeException("Error invoking subclass method", commit)));
        assertFalse(ErrorMappers.databaseUnreachable(new jakarta.transaction.RollbackException("rolled back")));
    }
}
