package oms.customer.customer;

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
import java.util.UUID;

@Singleton
public class CustomerService {

    private static final String UNIQUE_VIOLATION = "23505";

    private final CustomerRepository repository;
    private final Clock clock;

    CustomerService(CustomerRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Customer create(CreateCustomerRequest request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Customer customer = new Customer(UUID.randomUUID(), request.name().strip(), request.email().strip(),
                CustomerStatus.ACTIVE, now, now);
        return saveUnique(() -> repository.save(customer), customer.email());
    }

    @Transactional
    public Customer update(UUID id, UpdateCustomerRequest request) {
        Customer current = get(id);
        Customer changed = current.withChanges(
                request.name() != null ? request.name().strip() : current.name(),
                request.email() != null ? request.email().strip() : current.email(),
                Objects.requireNonNullElse(request.status(), current.status()),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        return saveUnique(() -> repository.update(changed), changed.email());
    }

    public Customer get(UUID id) {
        return repository.findById(id).orElseThrow(() ->
                ApiException.notFound("CUSTOMER_NOT_FOUND", "No customer with id " + id));
    }

    public List<Customer> list(int page, int size) {
        return repository.page(size, (long) page * size);
    }

    /** The unique index, not a look-up first, decides whether an email is taken: two racing creates cannot both win. */
    private static Customer saveUnique(java.util.function.Supplier<Customer> write, String email) {
        try {
            return write.get();
        } catch (DataAccessException e) {
            if (isUniqueViolation(e)) {
                throw ApiException.conflict("EMAIL_TAKEN", "The email " + email + " belongs to another customer");
            }
            throw e;
        }
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
