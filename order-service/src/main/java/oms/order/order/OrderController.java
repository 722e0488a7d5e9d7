package oms.order.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import oms.chassis.security.Caller;
import oms.chassis.security.Roles;
import oms.chassis.web.ApiException;
import oms.order.placement.CancelOrderService;
import oms.order.placement.PlaceOrderService;
import oms.order.placement.PlacementOutcome;

import java.util.List;
import java.util.UUID;

@Tag(name = "orders")
@Controller("/api/v1/orders")
@Secured({Roles.ADMIN, Roles.CUSTOMER})
@ExecuteOn(TaskExecutors.BLOCKING)
class OrderController {

    private final PlaceOrderService placement;
    private final CancelOrderService cancellation;
    private final OrderQueries queries;

    OrderController(PlaceOrderService placement, CancelOrderService cancellation, OrderQueries queries) {
        this.placement = placement;
        this.cancellation = cancellation;
        this.queries = queries;
    }

    @Post
    @Operation(summary = "Place an order", description = """
            Checks the customer, reserves the stock, authorizes the total computed from inventory's prices and \
            commits the reservation. A failed step undoes the earlier ones before the answer goes out. \
            Retry safely with the same Idempotency-Key: a finished answer is replayed with Idempotent-Replayed: true.""")
    @ApiResponse(responseCode = "201", description = "Confirmed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    @ApiResponse(responseCode = "202", description = "Not settled yet; the order is PENDING and settles by itself",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    @ApiResponse(responseCode = "400", description = "Malformed body or Idempotency-Key", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(value = """
            {"type": "https://oms.example/problems/idempotency-key-missing", "title": "Bad Request", "status": 400,
             "detail": "The Idempotency-Key header is required", "code": "IDEMPOTENCY_KEY_MISSING"}""")))
    @ApiResponse(responseCode = "409", description = "The first request with this key is still running; see Retry-After",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = """
            {"type": "https://oms.example/problems/idempotency-key-in-use", "title": "Conflict", "status": 409,
             "detail": "A request with this Idempotency-Key is still being processed", "code": "IDEMPOTENCY_KEY_IN_USE"}""")))
    @ApiResponse(responseCode = "422", description = "Rejected for a business reason (order REJECTED), or the key was used with another body",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = """
            {"type": "https://oms.example/problems/insufficient-stock", "title": "Unprocessable Entity", "status": 422,
             "detail": "Not enough stock for BOOK-42", "code": "INSUFFICIENT_STOCK",
             "orderId": "0b9d3c1e-6f4a-4c36-9a55-2f1d8f0e7a10", "skus": ["BOOK-42"]}""")))
    @ApiResponse(responseCode = "503", description = "A dependency is unavailable; everything was undone (order FAILED); see Retry-After",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = """
            {"type": "https://oms.example/problems/dependency-unavailable", "title": "Service Unavailable", "status": 503,
             "detail": "payment unavailable: circuit breaker is open", "code": "DEPENDENCY_UNAVAILABLE",
             "orderId": "0b9d3c1e-6f4a-4c36-9a55-2f1d8f0e7a10"}""")))
    HttpResponse<String> place(@Header("Idempotency-Key") @Nullable String idempotencyKey,
                               @Body @Valid PlaceOrderRequest request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (!caller.mayActFor(request.customerId())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", "A customer may place orders for itself only");
        }
        PlacementOutcome outcome = placement.place(caller.principal(), idempotencyKey, request);
        MutableHttpResponse<String> response = HttpResponse.<String>status(HttpStatus.valueOf(outcome.status()))
                .contentType(outcome.contentType()).body(outcome.body());
        outcome.headers().forEach(response::header);
        return response;
    }

    @Get("/{id}")
    @Operation(summary = "Read one order")
    OrderView get(@PathVariable UUID id, Authentication authentication) {
        return queries.get(id, Caller.of(authentication));
    }

    @Post("/{id}/cancel")
    @Operation(summary = "Cancel a CONFIRMED order", description = """
            Voids its payment and puts its units back in stock; the order ends CANCELLED. Cancelling a \
            CANCELLED order is a no-op (200); any other status is 409 ORDER_NOT_CANCELLABLE. If a dependency \
            is down the answer is 503 and the cancellation finishes in the background.""")
    OrderView cancel(@PathVariable UUID id, Authentication authentication) {
        queries.checkVisible(id, Caller.of(authentication));
        return cancellation.cancel(id);
    }

    @Get("/{id}/events")
    @Operation(summary = "The order's timeline, oldest first: every step, undo, retry, recovery and cancellation")
    List<OrderEventView> events(@PathVariable UUID id, Authentication authentication) {
        return queries.events(id, Caller.of(authentication));
    }

    @Get
    @Operation(summary = "List orders, optionally of one customer and/or in one status, oldest first",
            description = "A customer's list holds its own orders only, whatever customerId says.")
    List<OrderView> list(@QueryValue @Nullable UUID customerId, @QueryValue @Nullable OrderStatus status,
                         @QueryValue(defaultValue = "0") @Min(0) int page,
                         @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (caller.customer()) {
            return caller.customerId().map(own -> queries.search(own, status, page, size)).orElse(List.of());
        }
        return queries.search(customerId, status, page, size);
    }
}
