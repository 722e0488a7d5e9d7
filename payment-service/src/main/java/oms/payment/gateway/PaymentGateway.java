package oms.payment.gateway;

import java.math.BigDecimal;

/** Asks the card network to hold an amount; a real gateway would replace the simulation behind this. */
public interface PaymentGateway {

    GatewayDecision authorize(BigDecimal amount);
}
