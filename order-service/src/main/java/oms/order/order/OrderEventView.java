package oms.order.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One entry of an order's timeline as the API shows it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrderEventView(String step, String outcome, @Nullable String detail, int attempt, Instant at) {

    static OrderEventView of(OrderEvent e) {
        return new OrderEventView(e.step(), e.outcome(), e.detail(), e.attempt(), e.at());
    }
}
