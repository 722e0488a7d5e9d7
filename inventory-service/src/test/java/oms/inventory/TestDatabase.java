package oms.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The chassis' database per test class, plus the stock columns the API does not show (total_stock,
 * committed units), read straight from the database.
 */
public abstract class TestDatabase extends oms.chassis.testing.TestDatabase {

    /** A product's stock as stored, with the units sold through COMMITTED reservations. */
    public record Stock(long available, long reserved, long totalStock, long committed) {
    }

    protected Stock stock(String sku) {
        String sql = "SELECT p.available, p.reserved, p.total_stock, COALESCE((SELECT SUM(i.quantity) "
                + "FROM reservation_item i JOIN reservation r ON r.id = i.reservation_id "
                + "WHERE i.sku = p.sku AND r.status = 'COMMITTED'), 0) FROM product p WHERE p.sku = ?";
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, sku);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("No product " + sku + " in the database");
                }
                return new Stock(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The invariant of the contract: no unit is sold twice and none goes missing. */
    protected Stock assertConserved(String sku) {
        Stock s = stock(sku);
        assertEquals(s.totalStock(), s.available() + s.reserved() + s.committed(), () -> "conservation of " + sku + ": " + s);
        return s;
    }

    protected long count(String table) {
        return scalar("SELECT count(*) FROM " + table);
    }
}
