package org.claimdesk.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MigrationsTest {

    @Inject
    DataSource dataSource;

    @Test
    void everyMigrationAppliesToTheEmptyTestDatabase() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            ResultSet failed = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE NOT success");
            failed.next();
            assertEquals(0, failed.getInt(1));
            ResultSet applied = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success");
            applied.next();
            assertTrue(applied.getInt(1) >= 1, "at least V1 is applied");
            ResultSet server = s.executeQuery("SELECT current_setting('server_version_num')::int");
            server.next();
            assertTrue(server.getInt(1) >= 150000, "a real PostgreSQL 15 or later answers");
        }
    }

    @Test
    void theDatabaseRefusesAnUnknownRoleEvenFromRawSql() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO reviewer (id, username, password_hash, role) VALUES (nextval('reviewer_seq'), "
                            + "'raw-sql-user', '$2a$10$abcdefghijklmnopqrstuuu', 'superuser')"));
            assertTrue(refused.getMessage().contains("reviewer_role_check"), refused.getMessage());
        }
    }

    @Test
    void theDatabaseRefusesAPasswordThatIsNotABcryptHash() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO reviewer (id, username, password_hash, role) VALUES (nextval('reviewer_seq'), "
                            + "'plain-text-user', 'hunter2hunter2', 'viewer')"));
            assertTrue(refused.getMessage().contains("reviewer_password_bcrypt_check"), refused.getMessage());
        }
    }
}
