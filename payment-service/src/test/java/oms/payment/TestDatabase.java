package oms.payment;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * Gives each test class a database of its own on the local PostgreSQL and drops it afterwards.
 * Connection settings come from the usual PG* variables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TestDatabase implements TestPropertyProvider {

    private static final String HOST = env("PGHOST", "127.0.0.1");
    private static final String PORT = env("PGPORT", "5432");
    private static final String USER = env("PGUSER", "postgres");
    private static final String PASSWORD = env("PGPASSWORD", "");

    private final String name = "payment_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    public Map<String, String> getProperties() {
        admin("CREATE DATABASE " + name);
        return Map.of(
                "datasources.default.url", url(),
                "datasources.default.username", USER,
                "datasources.default.password", PASSWORD);
    }

    /** Runs a counting query straight against this class's database, bypassing the service under test. */
    protected long count(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(url(), USER, PASSWORD);
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "'", e);
        }
    }

    private String url() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    @AfterAll
    void dropDatabase() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on the test PostgreSQL", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
