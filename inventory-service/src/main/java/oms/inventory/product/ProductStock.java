package oms.inventory.product;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Stock moves on behalf of reservations. Each move is one conditional statement on the product
 * row, so the row lock, not a read beforehand, decides whether the units are there. Callers run
 * these inside their own transaction and touch products in sku order, which rules out deadlocks.
 */
@Singleton
public class ProductStock {

    private final JdbcOperations jdbc;

    ProductStock(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Moves {@code quantity} units from available to reserved if that many are free.
     *
     * @return the unit price when the units were held; empty when the product is short or unknown
     */
    public Optional<BigDecimal> hold(String sku, int quantity) {
        return jdbc.prepareStatement("UPDATE product SET available = available - ?, reserved = reserved + ?, "
                + "updated_at = now() WHERE sku = ? AND available >= ? RETURNING unit_price", ps -> {
            ps.setLong(1, quantity);
            ps.setLong(2, quantity);
            ps.setString(3, sku);
            ps.setLong(4, quantity);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBigDecimal(1)) : Optional.empty();
            }
        });
    }

    /** Shifts units between available, reserved and sold; the CHECK constraints catch a move that would go negative. */
    public void adjust(String sku, long availableDelta, long reservedDelta) {
        int updated = jdbc.prepareStatement("UPDATE product SET available = available + ?, reserved = reserved + ?, "
                + "updated_at = now() WHERE sku = ?", ps -> {
            ps.setLong(1, availableDelta);
            ps.setLong(2, reservedDelta);
            ps.setString(3, sku);
            return ps.executeUpdate();
        });
        if (updated != 1) {
            throw new IllegalStateException("No product " + sku + " to adjust; reservation items reference products");
        }
    }

    /** The skus among {@code skus} that name a product. */
    public Set<String> existing(Collection<String> skus) {
        return jdbc.prepareStatement("SELECT sku FROM product WHERE sku = ANY (?)", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("varchar", skus.toArray()));
            Set<String> found = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        });
    }
}
