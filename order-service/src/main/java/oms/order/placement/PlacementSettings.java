package oms.order.placement;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * How long a placement may take and who holds it. A request works on its order for at most
 * {@code budget}, then answers 202 and leaves the rest to recovery. Every journal write renews the
 * {@code lease}; it must outlast the slowest single call (timeouts times attempts), so that a live
 * holder is never taken over. Recovery looks for unsettled orders every {@code recoveryInterval}.
 */
@ConfigurationProperties("placement")
public record PlacementSettings(Duration budget, Duration lease, Duration retryAfter,
                                Duration recoveryInterval, int recoveryBatch, Duration maxRecoveryBackoff) {
}
