package oms.inventory.reservation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import oms.chassis.web.ApiException;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Why a hold failed, as the 422 a client gets: unknown skus or short stock, each named. */
@Singleton
class StockShortfall {

    private static final int NAMED_SKUS = 5;

    private final JdbcOperations jdbc;

    StockShortfall(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A failed hold means unknown or short; unknown wins, as no restock would help the order. */
    ApiException of(List<String> failed) {
        Set<String> known = existing(failed);
        List<String> unknown = failed.stream().filter(sku -> !known.contains(sku)).toList();
        if (!unknown.isEmpty()) {
            return ApiException.unprocessable("PRODUCT_NOT_FOUND",
                    "No product with sku " + named(unknown)).with("skus", unknown);
        }
        return ApiException.unprocessable("INSUFFICIENT_STOCK",
                "Not enough stock for sku " + named(failed)).with("skus", failed);
    }

    /** The skus among {@code skus} that name a product. */
    private Set<String> existing(Collection<String> skus) {
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

    /**
     * The first few skus and how many more: a detail stays short however many (and however long)
     * skus an order names, so the caller can keep it; the {@code skus} member lists them all.
     */
    private static String named(List<String> skus) {
        int shown = Math.min(skus.size(), NAMED_SKUS);
        String first = String.join(", ", skus.subList(0, shown));
        return shown == skus.size() ? first : first + " and " + (skus.size() - shown) + " more";
    }
}
