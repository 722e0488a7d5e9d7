package oms.order.placement;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import oms.order.order.OrderQueries;
import oms.order.order.OrderStatus;
import oms.order.order.OrderView;
import oms.order.order.PlaceOrderRequest;
import oms.order.web.ApiException;
import oms.order.web.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * POST /orders: claims the Idempotency-Key, runs the placement saga, and keeps the answer so a
 * retry with the same key gets the same answer.
 */
@Singleton
public class PlaceOrderService {

    private static final int KEY_IN_USE_RETRY_SECONDS = 1;

    private final PlacementClaims claims;
    private final PlacementSaga saga;
    private final PlacementJournal journal;
    private final OrderQueries queries;
    private final JsonMapper json;
    private final long retryAfterSeconds;

    PlaceOrderService(PlacementClaims claims, PlacementSaga saga, PlacementJournal journal, OrderQueries queries,
                      JsonMapper json, @Value("${placement.retry-after:5s}") Duration retryAfter) {
        this.claims = claims;
        this.saga = saga;
        this.journal = journal;
        this.queries = queries;
        this.json = json;
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    public PlacementOutcome place(@Nullable String key, PlaceOrderRequest request) {
        IdempotencyKeyFormat.check(key);
        String repeated = request.repeatedSku();
        if (repeated != null) {
            throw ApiException.invalid("items", "sku " + repeated + " appears more than once");
        }
        Claim claim = claims.claim(key, RequestFingerprint.of(request), request);
        if (claim instanceof Claim.Run run) {
            saga.run(run.placement());
            return settle(key, run.placement());
        }
        if (claim instanceof Claim.Replay replay) {
            return replayOf(replay);
        }
        if (claim instanceof Claim.Unsettled unsettled) {
            return orderAnswer(202, queries.get(unsettled.orderId()));
        }
        if (claim instanceof Claim.Reused) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was used with a different request body", null);
        }
        throw new ApiException(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_USE",
                "A request with this Idempotency-Key is still being processed", KEY_IN_USE_RETRY_SECONDS);
    }

    private PlacementOutcome settle(String key, Placement p) {
        return claims.settle(key, p, journal, () -> answerFor(p));
    }

    private PlacementOutcome answerFor(Placement p) {
        OrderStatus status = p.status();
        return switch (status) {
            case CONFIRMED -> orderAnswer(201, queries.get(p.orderId()));
            case PENDING -> orderAnswer(202, queries.get(p.orderId()));
            case REJECTED -> problem(Problem.forOrder(422, "Unprocessable Entity", p.failureCode(),
                    p.failureDetail(), p.orderId(), p.failureSkus().isEmpty() ? null : p.failureSkus()));
            default -> problem(Problem.forOrder(503, "Service Unavailable", "DEPENDENCY_UNAVAILABLE",
                    p.failureDetail(), p.orderId(), null))
                    .withHeader("Retry-After", String.valueOf(retryAfterSeconds));
        };
    }

    private PlacementOutcome replayOf(Claim.Replay replay) {
        PlacementOutcome outcome = new PlacementOutcome(replay.status(), replay.body(), Map.of("Idempotent-Replayed", "true"));
        return replay.status() == 201 ? outcome.withHeader("Location", location(replay.orderId())) : outcome;
    }

    private PlacementOutcome orderAnswer(int status, OrderView order) {
        return new PlacementOutcome(status, write(order), Map.of("Location", location(order.id())));
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
