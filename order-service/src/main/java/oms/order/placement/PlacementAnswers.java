package oms.order.placement;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import oms.order.idempotency.Claim;
import oms.order.order.OrderQueries;
import oms.order.order.OrderView;
import oms.chassis.web.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

/** The HTTP answer for a placement's state: 201 / 202 with the order, 422 / 503 with a problem. */
@Singleton
class PlacementAnswers {

    private final OrderQueries queries;
    private final JsonMapper json;
    private final long retryAfterSeconds;

    PlacementAnswers(OrderQueries queries, JsonMapper json, PlacementSettings settings) {
        this.queries = queries;
        this.json = json;
        this.retryAfterSeconds = Math.max(1, settings.retryAfter().toSeconds());
    }

    PlacementOutcome answerFor(Placement p) {
        return switch (p.status()) {
            case CONFIRMED, CANCELLED -> order(201, p);
            case PENDING -> order(202, p);
            case REJECTED -> problem(rejection(p));
            case FAILED -> problem(Problem.of(503, "Service Unavailable", "DEPENDENCY_UNAVAILABLE",
                    p.failureDetail(), null).with("orderId", p.orderId()))
                    .withHeader("Retry-After", String.valueOf(retryAfterSeconds));
        };
    }

    /**
     * The order as the journal has just written it, from memory: the same JSON a read of the row
     * would give, without the two queries.
     */
    private PlacementOutcome order(int status, Placement p) {
        OrderView order = new OrderView(p.orderId(), p.customerId(), p.status(),
                p.lines().stream().map(l -> OrderView.Item.of(l.sku(), l.quantity(), l.unitPrice())).toList(),
                p.totalAmount(), p.currency(), p.reservationId(), p.paymentId(), p.failureCode(), p.failureDetail(),
                p.createdAt(), p.updatedAt());
        return new PlacementOutcome(status, write(order), Map.of("Location", location(p.orderId())));
    }

    /** The order as stored, for a request that does not hold it. */
    PlacementOutcome order(int status, UUID orderId) {
        OrderView order = queries.get(orderId);
        return new PlacementOutcome(status, write(order), Map.of("Location", location(orderId)));
    }

    PlacementOutcome replay(Claim.Replay replay) {
        PlacementOutcome outcome = new PlacementOutcome(replay.status(), replay.body(), Map.of("Idempotent-Replayed", "true"));
        return replay.status() == 201 ? outcome.withHeader("Location", location(replay.orderId())) : outcome;
    }

    private static Problem rejection(Placement p) {
        Problem problem = Problem.of(422, "Unprocessable Entity", p.failureCode(), p.failureDetail(), null)
                .with("orderId", p.orderId());
        return p.failureSkus().isEmpty() ? problem : problem.with("skus", p.failureSkus());
    }

    private PlacementOutcome problem(Problem problem) {
        return new PlacementOutcome(problem.status(), write(problem), Map.of());
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String location(UUID orderId) {
        return "/api/v1/orders/" + orderId;
    }
}
