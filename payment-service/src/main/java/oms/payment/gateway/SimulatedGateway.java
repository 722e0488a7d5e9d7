package oms.payment.gateway;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;

import java.math.BigDecimal;

/**
 * Authorizes every amount up to {@code payment.limit} inclusive and declines anything above it,
 * so tests and demos can provoke a decline just by ordering enough.
 */
@Singleton
public class SimulatedGateway implements PaymentGateway {

    private final BigDecimal limit;

    public SimulatedGateway(@Property(name = "payment.limit") BigDecimal limit) {
        this.limit = limit;
    }

    @Override
    public GatewayDecision authorize(GatewayRequest request) {
        return request.amount().compareTo(limit) <= 0
                ? GatewayDecision.approve()
                : GatewayDecision.decline(DeclineReason.LIMIT_EXCEEDED);
    }
}
