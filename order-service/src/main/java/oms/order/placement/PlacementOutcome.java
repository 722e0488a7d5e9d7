package oms.order.placement;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP answer to a placement, kept as the exact JSON text so that a replay is byte-for-byte the
 * first answer.
 */
public record PlacementOutcome(int status, String body, Map<String, String> headers) {

    public String contentType() {
        return status < 300 ? "application/json" : "application/problem+json";
    }

    PlacementOutcome withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new PlacementOutcome(status, body, Map.copyOf(more));
    }
}
