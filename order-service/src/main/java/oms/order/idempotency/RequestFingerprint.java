package oms.order.idempotency;

import oms.order.order.PlaceOrderRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * SHA-256 of the canonical request: the customer and the items sorted by sku. Two bodies that mean
 * the same order (other item order, other whitespace) have the same fingerprint.
 */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    static String of(PlaceOrderRequest request) {
        StringBuilder canonical = new StringBuilder(request.customerId().toString());
        request.items().stream().sorted(Comparator.comparing(PlaceOrderRequest.Item::sku))
                .forEach(i -> canonical.append('|').append(i.sku()).append('=').append(i.quantity()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
