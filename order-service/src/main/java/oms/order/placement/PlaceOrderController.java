package oms.order.placement;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import oms.chassis.openapi.TokenRequired;
import oms.chassis.security.Caller;
import oms.chassis.security.Roles;
import oms.chassis.web.ApiException;
import oms.chassis.web.Problem;
import oms.order.order.OrderView;
import oms.order.order.PlaceOrderRequest;

import java.util.Optional;

/** POST /orders: places an order (the saga, within the Idempotency-Key); GET and the list are in order/. */
@Tag(name = "orders")
@TokenRequired
@Controller("/api/v1/orders")
@Secured({Roles.ADMIN, Roles.CUSTOMER})
@ExecuteOn(TaskExecutors.BLOCKING)
class PlaceOrderController {

    private static final String INVALID_REQUEST = """
            {"type": "https://oms.example/problems/invalid-request", "title": "Bad Request", "status": 400,
             "detail": "items: sku BOOK-42 appears more than once", "code": "INVALID_REQUEST", "errors": [{"field": "items", "message": "sku BOOK-42 appears more than once"}]}""";
    private static final String IDEMPOTENCY_KEY_MISSING = """
            {"type": "https://oms.example/problems/idempotency-key-missing", "title": "Bad Request", "status": 400,
             "detail": "The Idempotency-Key header is required", "code": "IDEMPOTENCY_KEY_MISSING"}""";
    private static final String IDEMPOTENCY_KEY_INVALID = """
            {"type": "https://oms.example/problems/idempotency-key-invalid", "title": "Bad Request", "status": 400,
             "detail": "The Idempotency-Key must be 1-255 printable ASCII characters", "code": "IDEMPOTENCY_KEY_INVALID"}""";
    private static final String IDEMPOTENCY_KEY_IN_USE = """
            {"type": "https://oms.example/problems/idempotency-key-in-use", "title": "Conflict", "status": 409,
             "detail": "A request with this Idempotency-Key is still being processed", "code": "IDEMPOTENCY_KEY_IN_USE"}""";
    private static final String REQUEST_TOO_LARGE = """
            {"type": "https://oms.example/problems/request-too-large", "title": "Request Entity Too Large", "status": 413,
             "detail": "The body is larger than 65536 bytes", "code": "REQUEST_TOO_LARGE"}""";
    private static final String CUSTOMER_NOT_FOUND = """
            {"type": "https://oms.example/problems/customer-not-found", "title": "Unprocessable Entity", "status": 422,
             "detail": "No customer with id 5f0c2a7e-8d1b-4e0a-b3f9-1c2d3e4f5a6b", "code": "CUSTOMER_NOT_FOUND", "orderId": "0b9d3c1e-6f4a-4c36-9a55-2f1d8f0e7a10"}""";
    private static final String CUSTOMER_INACTIVE = """
            {"type": "https://oms.example/problems/customer-inactive", "title": "Unprocessable Entity", "status": 422,
             "detail": "Customer 5f0c2a7e-8d1b-4e0a-b3f9-1c2d3e4f5a6b is SUSPENDED", "code": "CUSTOMER_INACTIVE", "orderId": "0b9d3c1e-6f4a-4c36-9a55-2f1d8f0e7a10"}""";
    private static final String PRODUCT_NOT_FOUND = """
            {"type": "https://oms.example/problems/product-not-found", "title": "Unprocessable Entity", "status": 422,
             "detail": "No product with sku NOPE-1", "code": "PRODUCT_NOT_FOUND", "orderId": "0b9d3c1e-6f4a-4c36-9a55-2f1d8f0e7a10", "skus": ["NOPE-1"]}""";
    private static final String INSUFFICIENT_STOCK = """
            {"type": "https://oms.example/problems/insufficient-stock", "title": "Unprocessable Entity", "status": 422,
             "detail": "Not enough stock for BOOK-42", "code": "INSUFFICIENT_STOCK", "orderId": "0b9d3c1e-6f4a-4c36-9a55-2f1d8f0e7a10", "skus": ["BOOK-42"]}""";
    private static final String PAYMENT_DECLINED = """
            {"type": "https://oms.example/problems/payment-declined", "title": "Unprocessable Entity", "status": 422,
             "detail": "Payment of 1250.00 USD was declined: LIMIT_EXCEEDED", "code": "PAYMENT_DECLINED", "orderId": "0b9d3c1e-6f4a-4c36-9a55-2f1d8f0e7a10"}""";
    private static final String IDEMPOTENCY_KEY_REUSED = """
            {"type": "https://oms.example/problems/idempotency-key-reused", "title": "Unprocessable Entity", "status": 422,
             "detail": "This Idempotency-Key was used with another request body", "code": "IDEMPOTENCY_KEY_REUSED"}""";
    private static final String DEPENDENCY_UNAVAILABLE = """
            {"type": "https://oms.example/problems/dependency-unavailable", "title": "Service Unavailable", "status": 503,
             "detail": "payment unavailable: circuit breaker is open", "code": "DEPENDENCY_UNAVAILABLE", "orderId": "0b9d3c1e-6f4a-4c36-9a55-2f1d8f0e7a10"}""";

    private final PlaceOrderService placement;

    PlaceOrderController(PlaceOrderService placement) {
        this.placement = placement;
    }

    @Post
    @Operation(operationId = "placeOrder", summary = "Place an order", description = """
            Checks the customer, reserves the stock, authorizes the total computed from inventory's prices and \
            commits the reservation. A failed step undoes the earlier ones before the answer goes out. \
            Retry safely with the same Idempotency-Key: a finished answer is replayed with Idempotent-Replayed: true.""")
    @ApiResponse(responseCode = "201", description = "CONFIRMED; Location names the order",
            headers = {@Header(name = "Location", required = true, schema = @Schema(type = "string", format = "uri-reference")), @Header(name = "Idempotent-Replayed", description = "true when this is the stored answer to an earlier request with the same key",
                    schema = @Schema(type = "string", allowableValues = "true"))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    @ApiResponse(responseCode = "202", description = "Not settled yet: the order is PENDING and settles by itself",
            headers = {@Header(name = "Location", required = true, schema = @Schema(type = "string", format = "uri-reference"))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    @ApiResponse(responseCode = "400", description = "INVALID_REQUEST (a malformed body), IDEMPOTENCY_KEY_MISSING or IDEMPOTENCY_KEY_INVALID; nothing is written", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = {@ExampleObject(name = "INVALID_REQUEST", value = INVALID_REQUEST),
                    @ExampleObject(name = "IDEMPOTENCY_KEY_MISSING", value = IDEMPOTENCY_KEY_MISSING),
                    @ExampleObject(name = "IDEMPOTENCY_KEY_INVALID", value = IDEMPOTENCY_KEY_INVALID)}))
    @ApiResponse(responseCode = "409", description = "IDEMPOTENCY_KEY_IN_USE: the first request with this key is still running; see Retry-After",
            headers = @Header(name = "Retry-After", required = true, description = "Seconds to wait before retrying",
                    schema = @Schema(type = "integer", minimum = "1")),
            content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "IDEMPOTENCY_KEY_IN_USE", value = IDEMPOTENCY_KEY_IN_USE)))
    @ApiResponse(responseCode = "413", description = "REQUEST_TOO_LARGE: the body is over 64 KiB", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "REQUEST_TOO_LARGE", value = REQUEST_TOO_LARGE)))
    @ApiResponse(responseCode = "422", description = "Rejected for a business reason, the order is REJECTED and orderId names it (CUSTOMER_NOT_FOUND, CUSTOMER_INACTIVE, PRODUCT_NOT_FOUND, INSUFFICIENT_STOCK, PAYMENT_DECLINED); or IDEMPOTENCY_KEY_REUSED: the key came with another body", headers = @Header(name = "Idempotent-Replayed", description = "true when this is the stored answer to an earlier request with the same key",
                    schema = @Schema(type = "string", allowableValues = "true")),
            content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = {@ExampleObject(name = "CUSTOMER_NOT_FOUND", value = CUSTOMER_NOT_FOUND),
                    @ExampleObject(name = "CUSTOMER_INACTIVE", value = CUSTOMER_INACTIVE),
                    @ExampleObject(name = "PRODUCT_NOT_FOUND", value = PRODUCT_NOT_FOUND),
                    @ExampleObject(name = "INSUFFICIENT_STOCK", value = INSUFFICIENT_STOCK),
                    @ExampleObject(name = "PAYMENT_DECLINED", value = PAYMENT_DECLINED),
                    @ExampleObject(name = "IDEMPOTENCY_KEY_REUSED", value = IDEMPOTENCY_KEY_REUSED)}))
    @ApiResponse(responseCode = "503", description = "DEPENDENCY_UNAVAILABLE: a dependency is unavailable and everything was undone; the order is FAILED and orderId names it", headers = @Header(name = "Retry-After", required = true, description = "Seconds to wait before retrying",
                    schema = @Schema(type = "integer", minimum = "1")),
            content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "DEPENDENCY_UNAVAILABLE", value = DEPENDENCY_UNAVAILABLE)))
    // Optional in Java, so a missing key answers IDEMPOTENCY_KEY_MISSING rather than the framework's 400;
    // @NonNull only tells the document generator that clients must send it.
    HttpResponse<String> place(@io.micronaut.http.annotation.Header("Idempotency-Key")
                               @Parameter(required = true, description = "1-255 printable ASCII characters; one key is one order",
                                       schema = @Schema(type = "string", pattern = "^[ -~]{1,255}$"))
                               @io.micronaut.core.annotation.NonNull Optional<String> idempotencyKey,
                               @Body @Valid PlaceOrderRequest request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (!caller.mayActFor(request.customerId())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", "A customer may place orders for itself only");
        }
        PlacementOutcome outcome = placement.place(caller.principal(), idempotencyKey.orElse(null), request);
        MutableHttpResponse<String> response = HttpResponse.<String>status(HttpStatus.valueOf(outcome.status()))
                .contentType(outcome.contentType()).body(outcome.body());
        outcome.headers().forEach(response::header);
        return response;
    }
}
