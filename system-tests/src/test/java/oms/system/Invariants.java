package oms.system;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the contract's "What must always hold" straight in the databases of inventory-service,
 * payment-service and order-service. Meant for a settled system: a PENDING order is a violation,
 * so after a crash use {@link #awaitHold(Duration)}.
 *
 * <p>The rules and their messages are SQL, in {@code invariants.sql} beside this class, which
 * scripts/bench runs too (with psql): one copy of them. The query runs in a session on
 * inventory-service's database, into which order-service's orders and payment-service's
 * payments are first copied as temp tables; the file says which rows.
 */
public final class Invariants {

    /** The sections of invariants.sql by name: tables, orders, payment, violations. */
    private static final Map<String, String> SQL = sections(resource("invariants.sql"));

    private final String inventoryDatabase;
    private final String paymentDatabase;
    private final String orderDatabase;

    public Invariants(String inventoryDatabase, String paymentDatabase, String orderDatabase) {
        this.inventoryDatabase = inventoryDatabase;
        this.paymentDatabase = paymentDatabase;
        this.orderDatabase = orderDatabase;
    }

    public static Invariants of(SystemUnderTest sut) {
        return new Invariants(sut.databaseName(Service.INVENTORY), sut.databaseName(Service.PAYMENT),
                sut.databaseName(Service.ORDER));
    }

    /** Every broken rule, one human-readable line each; empty when all hold. */
    public List<String> violations() {
        try (Connection inventory = Postgres.connect(inventoryDatabase)) {
            try (Statement statement = inventory.createStatement()) {
                statement.execute(SQL.get("tables"));
            }
            copy(orderDatabase, "orders", inventory);
            copy(paymentDatabase, "payment", inventory);
            List<String> violations = new ArrayList<>();
            try (Statement statement = inventory.createStatement();
                 ResultSet rs = statement.executeQuery(SQL.get("violations"))) {
                while (rs.next()) {
                    violations.add(rs.getString(1));
                }
            }
            return violations;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Invariant query failed on " + inventoryDatabase + ", "
                    + paymentDatabase + " and " + orderDatabase + ": " + e.getMessage(), e);
        }
    }

    public void assertHold() {
        List<String> violations = violations();
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " invariant violation(s):\n  - "
                    + String.join("\n  - ", violations));
        }
    }

    /** Polls until the invariants hold (e.g. while PENDING orders settle after a crash), then asserts. */
    public void awaitHold(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && !violations().isEmpty()) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertHold();
    }

    /** The rows of section {@code table}, read on {@code database}, into the temp table of that name. */
    private static void copy(String database, String table, Connection into) throws SQLException, IOException {
        StringWriter rows = new StringWriter();
        try (Connection source = Postgres.connect(database)) {
            source.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + SQL.get(table) + ") TO STDOUT", rows);
        }
        into.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN", new StringReader(rows.toString()));
    }

    /** Splits the file at its "-- @name" lines: name -> the SQL up to the next such line. */
    static Map<String, String> sections(String text) {
        Map<String, String> sections = new HashMap<>();
        Matcher header = Pattern.compile("(?m)^-- @(\\w+).*$").matcher(text);
        String name = null;
        int start = 0;
        while (header.find()) {
            if (name != null) {
                sections.put(name, text.substring(start, header.start()).strip());
            }
            name = header.group(1);
            start = header.end();
        }
        if (name != null) {
            sections.put(name, text.substring(start).strip());
        }
        return sections;
    }

    private static String resource(String name) {
        try (InputStream in = Invariants.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path beside " + Invariants.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
