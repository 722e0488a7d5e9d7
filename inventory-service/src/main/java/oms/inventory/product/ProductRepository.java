package oms.inventory.product;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ProductRepository extends CrudRepository<Product, String> {

    @Query("SELECT * FROM product ORDER BY sku LIMIT :limit OFFSET :offset")
    List<Product> page(int limit, long offset);

    @Query("SELECT * FROM product WHERE sku = :sku FOR UPDATE")
    Optional<Product> findByIdForUpdate(String sku);

    /** Only the descriptive columns: a concurrent reservation's stock change must not be overwritten. */
    @Query("UPDATE product SET name = :name, unit_price = :unitPrice, updated_at = :now WHERE sku = :sku")
    long describe(String sku, String name, BigDecimal unitPrice, Instant now);

    /**
     * Sets the free stock in one statement; total_stock moves by the same difference, so
     * total_stock = available + reserved + committed keeps holding whatever runs concurrently.
     */
    @Query("UPDATE product SET total_stock = total_stock + (:available - available), available = :available, "
            + "updated_at = :now WHERE sku = :sku")
    long setAvailable(String sku, long available, Instant now);
}
