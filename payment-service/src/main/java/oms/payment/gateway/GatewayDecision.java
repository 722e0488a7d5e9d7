package oms.payment.gateway;

import io.micronaut.core.annotation.Nullable;

/**
 * The gateway's answer to one authorization request.
 *
 * @param declineReason why it was declined; null when authorized
 */
public record GatewayDecision(boolean authorized, @Nullable DeclineReason declineReason) {

    public static GatewayDecision approve() {
        return new GatewayDecision(true, null);
    }

    public static GatewayDecision decline(DeclineReason reason) {
        return new GatewayDecision(false, reason);
    }
}
