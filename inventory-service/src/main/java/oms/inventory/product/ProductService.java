package oms.inventory.product;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import oms.chassis.web.ApiException;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

@Singleton
public class ProductService {

    private static final String UNIQUE_VIOLATION = "23505";

    private final ProductRepository repository;
    private final Clock clock;

    ProductService(ProductRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The primary key, not a look-up first, decides whether a sku is taken: two racing creates cannot both win. */
    public Product create(CreateProductRequest request) {
        Product product = Product.create(request.sku(), request.name().strip(), request.unitPrice(),
                request.available(), now());
        try {
            return repository.save(product);
        } catch (DataAccessException e) {
            if (isUniqueViolation(e)) {
                throw ApiException.conflict("SKU_TAKEN", "A product with sku " + request.sku() + " already exists");
            }
            throw e;
        }
    }

    public Product get(String sku) {
        return repository.findById(sku).orElseThrow(() -> notFound(sku));
    }

    public List<Product> list(int page, int size) {
        return repository.page(size, (long) page * size);
    }

    @Transactional
    public Product update(String sku, UpdateProductRequest request) {
        Product current = repository.findByIdForUpdate(sku).orElseThrow(() -> notFound(sku));
        Product changed = current.describedAs(
                request.name() != null ? request.name().strip() : current.name(),
                Objects.requireNonNullElse(request.unitPrice(), current.unitPrice()),
                now());
        repository.describe(sku, changed.name(), changed.unitPrice(), changed.updatedAt());
        return changed;
    }

    @Transactional
    public Product setAvailable(String sku, int available) {
        if (repository.setAvailable(sku, available, now()) == 0) {
            throw notFound(sku);
        }
        return get(sku);
    }

    private static ApiException notFound(String sku) {
        return ApiException.notFound("PRODUCT_NOT_FOUND", "No product with sku " + sku);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
