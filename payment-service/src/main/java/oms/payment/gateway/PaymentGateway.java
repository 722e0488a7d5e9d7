package oms.payment.gateway;

/** Asks the card network to hold an amount; a real gateway would replace the simulation behind this. */
public interface PaymentGateway {

    /** Asked only by the request that claimed the payment; a retry of that request sends the same key. */
    GatewayDecision authorize(GatewayRequest request);
}
