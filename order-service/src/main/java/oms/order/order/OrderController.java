package oms.order.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import oms.chassis.openapi.InvalidRequest;
import oms.chassis.openapi.TokenRequired;
import oms.chassis.web.Problem;
import oms.chassis.security.Caller;
import oms.chassis.security.Roles;

import java.util.List;
import java.util.UUID;
import oms.chassis.web.Paging;

/** Reading orders: one, its timeline, and the list. Placing and cancelling have controllers of their own. */
@Tag(name = "orders")
@TokenRequired
@Controller("/api/v1/orders")
@Secured({Roles.ADMIN, Roles.CUSTOMER})
@ExecuteOn(TaskExecutors.BLOCKING)
class OrderController {

    private final OrderQueries queries;

    OrderController(OrderQueries queries) {
        this.queries = queries;
    }

    @Get("/{id}")
    @Operation(operationId = "getOrder", summary = "Read one order")
    @InvalidRequest
    @ApiResponse(responseCode = "404", description = "ORDER_NOT_FOUND", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "ORDER_NOT_FOUND", value = OrderNotFound.EXAMPLE)))
    OrderView get(@PathVariable UUID id, Authentication authentication) {
        return queries.get(id, Caller.of(authentication));
    }

    @Get("/{id}/events")
    @Operation(operationId = "listOrderEvents", summary = "The order's timeline, oldest first: every step, undo, retry, recovery and cancellation")
    @InvalidRequest
    @ApiResponse(responseCode = "404", description = "ORDER_NOT_FOUND", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "ORDER_NOT_FOUND", value = OrderNotFound.EXAMPLE)))
    List<OrderEventView> events(@PathVariable UUID id, Authentication authentication) {
        return queries.events(id, Caller.of(authentication));
    }

    @Get
    @Operation(operationId = "listOrders", summary = "List orders, optionally of one customer and/or in one status, oldest first",
            description = "A customer's list holds its own orders only, whatever customerId says.")
    @InvalidRequest
    List<OrderView> list(@QueryValue @Nullable UUID customerId,
                         @QueryValue @Nullable @Schema(implementation = String.class,
                                 allowableValues = {"PENDING", "CONFIRMED", "REJECTED", "FAILED", "CANCELLED"})
                         OrderStatus status,
                         @QueryValue(defaultValue = "0") @Min(0) int page,
                         @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size, Authentication authentication) {
        Paging.offset(page, size);
        Caller caller = Caller.of(authentication);
        if (caller.customer()) {
            return caller.customerId().map(own -> queries.search(own, status, page, size)).orElse(List.of());
        }
        return queries.search(customerId, status, page, size);
    }
}
