package oms.payment.gateway;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One authorization asked of the gateway.
 *
 * @param idempotencyKey the claimed payment's (orderId, attempt): a provider that sees the key again
 *                       answers its first decision instead of holding the money twice
 */
public record GatewayRequest(String idempotencyKey, BigDecimal amount) {

    public static GatewayRequest of(UUID orderId, int attempt, BigDecimal amount) {
        return new GatewayRequest(orderId + ":" + attempt, amount);
    }
}
