package oms.order.cancellation;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import oms.chassis.openapi.InvalidRequest;
import oms.chassis.openapi.TokenRequired;
import oms.chassis.security.Caller;
import oms.chassis.security.Roles;
import oms.chassis.web.Problem;
import oms.order.order.OrderNotFound;
import oms.order.order.OrderQueries;
import oms.order.order.OrderView;

import java.util.UUID;

/** POST /orders/{id}/cancel. */
@Tag(name = "orders")
@TokenRequired
@Controller("/api/v1/orders")
@Secured({Roles.ADMIN, Roles.CUSTOMER})
@ExecuteOn(TaskExecutors.BLOCKING)
class CancelOrderController {

    private static final String ORDER_NOT_CANCELLABLE = """
            {"type": "https://oms.example/problems/order-not-cancellable", "title": "Conflict", "status": 409,
             "detail": "Only a CONFIRMED order can be cancelled; this one is REJECTED", "code": "ORDER_NOT_CANCELLABLE"}""";
    private static final String DEPENDENCY_UNAVAILABLE = """
            {"type": "https://oms.example/problems/dependency-unavailable", "title": "Service Unavailable", "status": 503,
             "detail": "The cancellation could not finish now; it goes on in the background", "code": "DEPENDENCY_UNAVAILABLE"}""";

    private final CancelOrderService cancellation;
    private final OrderQueries queries;

    CancelOrderController(CancelOrderService cancellation, OrderQueries queries) {
        this.cancellation = cancellation;
        this.queries = queries;
    }

    @Post("/{id}/cancel")
    @Operation(operationId = "cancelOrder", summary = "Cancel a CONFIRMED order", description = """
            Voids its payment and puts its units back in stock; the order ends CANCELLED. Cancelling a \
            CANCELLED order is a no-op (200); any other status is 409 ORDER_NOT_CANCELLABLE. If a dependency \
            is down the answer is 503 and the cancellation finishes in the background.""")
    @ApiResponse(responseCode = "200", description = "CANCELLED (or already was)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    @InvalidRequest
    @ApiResponse(responseCode = "404", description = "ORDER_NOT_FOUND", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "ORDER_NOT_FOUND", value = OrderNotFound.EXAMPLE)))
    @ApiResponse(responseCode = "409", description = "ORDER_NOT_CANCELLABLE: the order is not CONFIRMED, or a cancellation of it is under way (then with Retry-After)", headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", schema = @Schema(type = "integer", minimum = "1")),
            content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "ORDER_NOT_CANCELLABLE", value = ORDER_NOT_CANCELLABLE)))
    @ApiResponse(responseCode = "503", description = "DEPENDENCY_UNAVAILABLE: the cancellation could not finish now and goes on in the background", headers = @Header(name = "Retry-After", required = true, description = "Seconds to wait before retrying",
                    schema = @Schema(type = "integer", minimum = "1")),
            content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "DEPENDENCY_UNAVAILABLE", value = DEPENDENCY_UNAVAILABLE)))
    OrderView cancel(@PathVariable UUID id, Authentication authentication) {
        queries.checkVisible(id, Caller.of(authentication));
        return cancellation.cancel(id);
    }
}
