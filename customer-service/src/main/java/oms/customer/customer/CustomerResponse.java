package oms.customer.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CustomerResponse(UUID id, String name, String email, CustomerStatus status,
                               Instant createdAt, Instant updatedAt) {

    static CustomerResponse of(Customer c) {
        return new CustomerResponse(c.id(), c.name(), c.email(), c.status(), c.createdAt(), c.updatedAt());
    }
}
