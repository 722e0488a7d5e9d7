package oms.customer.customer;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of the customer table. */
@MappedEntity("customer")
public record Customer(@Id UUID id, String name, String email, CustomerStatus status,
                       Instant createdAt, Instant updatedAt) {

    Customer withChanges(String newName, String newEmail, CustomerStatus newStatus, Instant now) {
        return new Customer(id, newName, newEmail, newStatus, createdAt, now);
    }
}
