package oms.chassis.testing;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * Gives each test class a database of its own on the local PostgreSQL (real, never a mock) and
 * drops it afterwards. Connection settings come from the usual PG* variables. Tests may read and
 * set up what the API does not show through {@link #scalar}, {@link #execute} and {@link #connect}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabase.DropAfterApplication.class)
public abstract class TestDatabase implements TestPropertyProvider {

    protected static final String USER = env("PGUSER", "postgres");
    protected static final String PASSWORD = env("PGPASSWORD", "");
    private static final String HOST = env("PGHOST", "127.0.0.1");
    private static final String PORT = env("PGPORT", "5432");

    private final String name = "oms_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    public Map<String, String> getProperties() {
        admin("CREATE DATABASE " + name);
        return Map.of(
                "datasources.default.url", url(name),
                "datasources.default.username", USER,
                "datasources.default.password", PASSWORD);
    }

    /**
     * Drops the class's database after the application is closed. Not an {@code @AfterAll} method:
     * those run before {@code @MicronautTest} closes the application, whose scheduled jobs would
     * then fail against a dropped database. Declared on this superclass, the extension comes before
     * {@code @MicronautTest}'s, so its after-all callback runs after that one.
     */
    static final class DropAfterApplication implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) {
            context.getTestInstance().map(TestDatabase.class::cast)
                    .ifPresent(db -> admin("DROP DATABASE IF EXISTS " + db.name + " WITH (FORCE)"));
        }
    }

    /** Runs a statement on the test database, for a state the API cannot set up (a reservation already overdue). */
    protected int execute(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "'", e);
        }
    }

    /** The single number a query answers, such as a count. */
    protected long scalar(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "'", e);
        }
    }

    /** A connection of its own to the test database, for a test that holds locks while the service runs. */
    protected Connection connect() throws SQLException {
        return DriverManager.getConnection(url(name), USER, PASSWORD);
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
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
