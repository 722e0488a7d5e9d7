package oms.inventory.reservation;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * The {@code inventory.expiry.*} settings of the sweep that expires overdue HELD reservations.
 *
 * @param interval  the pause between one sweep's end and the next one's start; {@code @Scheduled}
 *                  reads the same key, this record only checks it at startup
 * @param batchSize reservations expired per transaction: small enough that product rows are not
 *                  locked long, large enough that a backlog clears in few round trips
 */
@ConfigurationProperties("inventory.expiry")
record ExpirySettings(@NotNull Duration interval, @Min(1) @Max(10_000) int batchSize) {
}
