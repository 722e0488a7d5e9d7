package oms.payment.gateway;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatedGatewayTest {

    private final SimulatedGateway gateway = new SimulatedGateway(new BigDecimal("1000.00"));

    @Test
    void authorizesAmountBelowTheLimit() {
        GatewayDecision decision = gateway.authorize(new GatewayRequest("order:1", new BigDecimal("999.99")));
        assertTrue(decision.authorized());
        assertNull(decision.declineReason());
    }

    @Test
    void authorizesAmountExactlyAtTheLimitWhateverItsScale() {
        assertTrue(gateway.authorize(new GatewayRequest("order:1", new BigDecimal("1000.00"))).authorized());
        assertTrue(gateway.authorize(new GatewayRequest("order:1", new BigDecimal("1000"))).authorized());
    }

    @Test
    void declinesAmountAboveTheLimitWithLimitExceeded() {
        GatewayDecision decision = gateway.authorize(new GatewayRequest("order:1", new BigDecimal("1000.01")));
        assertFalse(decision.authorized());
        assertEquals(DeclineReason.LIMIT_EXCEEDED, decision.declineReason());
    }
}
