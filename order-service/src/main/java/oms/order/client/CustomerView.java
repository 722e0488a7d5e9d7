package oms.order.client;

import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** The order service's own copy of customer-service's customer, with only the fields it reads. */
@Serdeable
public record CustomerView(UUID id, String status) {

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
