package oms.inventory;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;

/**
 * The {@code inventory.*} settings.
 *
 * @param currency       the one shop currency every price is in (ISO 4217 code)
 * @param reservationTtl how long a HELD reservation keeps its units before it may expire
 */
@ConfigurationProperties("inventory")
public record InventorySettings(@NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
                                @NotNull Duration reservationTtl) {
}
