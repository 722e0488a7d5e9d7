package oms.order.client;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Shows each dependency's breaker in /health. Always UP: an open breaker is the order service
 * protecting itself, and it still answers (503 fast), so it must not be taken out of rotation.
 */
@Singleton
class CircuitBreakerHealthIndicator extends AbstractHealthIndicator<Map<String, String>> {

    private final Downstream downstream;

    CircuitBreakerHealthIndicator(Downstream downstream) {
        this.downstream = downstream;
    }

    @Override
    protected Map<String, String> getHealthInformation() {
        healthStatus = HealthStatus.UP;
        return downstream.breakerStates();
    }

    @Override
    protected String getName() {
        return "circuitBreakers";
    }
}
