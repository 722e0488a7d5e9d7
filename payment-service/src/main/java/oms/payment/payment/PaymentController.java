package oms.payment.payment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import oms.chassis.openapi.InvalidRequest;
import oms.chassis.openapi.JsonBody;
import oms.chassis.openapi.TokenRequired;
import oms.chassis.web.Problem;

import oms.chassis.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import oms.chassis.web.Paging;

@Tag(name = "payments")
@TokenRequired
@Controller("/api/v1/payments")
@Secured({Roles.ADMIN, Roles.SERVICE})
@ExecuteOn(TaskExecutors.BLOCKING)
class PaymentController {

    private static final String PAYMENT_NOT_FOUND = """
            {"type": "https://oms.example/problems/payment-not-found", "title": "Not Found", "status": 404,
             "detail": "No payment with id 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "code": "PAYMENT_NOT_FOUND"}""";
    private static final String CURRENCY_NOT_SUPPORTED = """
            {"type": "https://oms.example/problems/currency-not-supported", "title": "Unprocessable Entity",
             "status": 422, "detail": "Only USD is accepted, not EUR", "code": "CURRENCY_NOT_SUPPORTED"}""";

    private static final String PAYMENT_MISMATCH = """
            {"type": "https://oms.example/problems/payment-mismatch", "title": "Unprocessable Entity", "status": 422,
             "detail": "Order 3f1c8a52-6a0e-4a43-9d3c-6f1f3f0f6b10 attempt 1 was paid with another amount",
             "code": "PAYMENT_MISMATCH"}""";
    private static final String PAYMENT_NOT_VOIDABLE = """
            {"type": "https://oms.example/problems/payment-not-voidable", "title": "Conflict", "status": 409,
             "detail": "A DECLINED payment cannot be voided", "code": "PAYMENT_NOT_VOIDABLE"}""";

    private final PaymentService service;
    private final Optional<AfterCommitDelay> afterCommitDelay;
    private final PaymentMetrics metrics;

    PaymentController(PaymentService service, Optional<AfterCommitDelay> afterCommitDelay, PaymentMetrics metrics) {
        this.service = service;
        this.metrics = metrics;
        this.afterCommitDelay = afterCommitDelay;
    }

    /** 201 for a new payment (AUTHORIZED or DECLINED), 200 for a repeat of an earlier request. */
    @Post
    @Operation(operationId = "authorizePayment", summary = "Authorize an order's total (AUTHORIZED or DECLINED)",
            description = "One payment per (orderId, attempt): repeating the request answers 200 with the same payment.")
    @ApiResponse(responseCode = "201", description = "A new payment, AUTHORIZED or DECLINED (declineReason LIMIT_EXCEEDED); Location names it",
            headers = @Header(name = "Location", required = true, schema = @Schema(type = "string", format = "uri-reference")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaymentResponse.class)))
    @ApiResponse(responseCode = "200", description = "The same request again: the payment made the first time",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaymentResponse.class)))
    @JsonBody
    @ApiResponse(responseCode = "422", description = "PAYMENT_MISMATCH: this order attempt was paid with another amount; CURRENCY_NOT_SUPPORTED: not the shop's currency", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = {@ExampleObject(name = "PAYMENT_MISMATCH", value = PAYMENT_MISMATCH),
                    @ExampleObject(name = "CURRENCY_NOT_SUPPORTED", value = CURRENCY_NOT_SUPPORTED)}))
    HttpResponse<PaymentResponse> authorize(@Body @Valid AuthorizePaymentRequest request) {
        Authorization result = metrics.counted(() -> service.authorize(request));
        afterCommitDelay.ifPresent(AfterCommitDelay::pause); // the service's transaction has committed by now
        PaymentResponse body = PaymentResponse.of(result.payment());
        return result.created()
                ? HttpResponse.created(body, URI.create("/api/v1/payments/" + body.id()))
                : HttpResponse.ok(body);
    }

    /**
     * Void by (orderId, attempt), for a caller that gave up on an authorize whose outcome it does not know.
     * Not delayed by {@code payment.simulate.delay-after-commit}: that fault only concerns authorize.
     */
    @Post("/voids")
    @Operation(operationId = "voidPaymentAttempt", summary = "Make sure no authorization of an order attempt stands (void by attempt)", description = """
            For a caller that gave up on an authorize, e.g. after a timeout, and cannot know whether it \
            happened or is still in flight. The body is the one the authorize was (or would have been) sent \
            with; orderId and attempt (default 1) say which payment is meant. Atomically, keyed like \
            authorize: if the attempt has no payment yet, a VOIDED payment is stored as a tombstone \
            (201 + Location), and any later authorize of that attempt finds it instead of authorizing: with \
            the same amount it answers 200 with the VOIDED payment, with another 422 PAYMENT_MISMATCH. If \
            the attempt has a payment (one being authorized at this moment is waited for), an AUTHORIZED one \
            is voided and a VOIDED or DECLINED one is left as it is (200). A DECLINED payment never held \
            money, so, unlike POST /{id}/void, it is not an error here. Repeating the request is safe. An \
            existing payment is voided by its key even if its amount or customer differ from the body. \
            Not slowed down by the delay-after-commit fault injection, which only concerns authorize.""")
    @ApiResponse(responseCode = "201", description = "The attempt had no payment: a VOIDED tombstone now blocks its authorization",
            headers = @Header(name = "Location", required = true, schema = @Schema(type = "string", format = "uri-reference")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaymentResponse.class)))
    @ApiResponse(responseCode = "200", description = "The attempt's payment, now VOIDED, or DECLINED as it was",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaymentResponse.class)))
    @JsonBody
    @ApiResponse(responseCode = "422", description = "CURRENCY_NOT_SUPPORTED: a currency other than the shop's; nothing is written", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "CURRENCY_NOT_SUPPORTED", value = CURRENCY_NOT_SUPPORTED)))
    HttpResponse<PaymentResponse> voidAttempt(@Body @Valid AuthorizePaymentRequest request) {
        AttemptVoid result = service.voidAttempt(request);
        PaymentResponse body = PaymentResponse.of(result.payment());
        return result.created()
                ? HttpResponse.created(body, URI.create("/api/v1/payments/" + body.id()))
                : HttpResponse.ok(body);
    }

    @Post("/{id}/void")
    @Operation(operationId = "voidPayment", summary = "Void an AUTHORIZED payment (idempotent)")
    @InvalidRequest
    @ApiResponse(responseCode = "404", description = "PAYMENT_NOT_FOUND", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "PAYMENT_NOT_FOUND", value = PAYMENT_NOT_FOUND)))
    @ApiResponse(responseCode = "409", description = "PAYMENT_NOT_VOIDABLE: a DECLINED payment cannot be voided", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "PAYMENT_NOT_VOIDABLE", value = PAYMENT_NOT_VOIDABLE)))
    PaymentResponse voidPayment(@PathVariable UUID id) {
        return PaymentResponse.of(service.voidPayment(id));
    }

    @Get("/{id}")
    @Operation(operationId = "getPayment", summary = "Read one payment")
    @InvalidRequest
    @ApiResponse(responseCode = "404", description = "PAYMENT_NOT_FOUND", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "PAYMENT_NOT_FOUND", value = PAYMENT_NOT_FOUND)))
    PaymentResponse get(@PathVariable UUID id) {
        return PaymentResponse.of(service.get(id));
    }

    /** Oldest first; all payments, or those of one order. */
    @Get
    @Operation(operationId = "listPayments", summary = "List payments, oldest first, optionally of one order")
    @InvalidRequest
    List<PaymentResponse> list(@QueryValue @Nullable UUID orderId,
                               @QueryValue(defaultValue = "0") @Min(0) int page,
                               @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        Paging.offset(page, size);
        return service.list(orderId, page, size).stream().map(PaymentResponse::of).toList();
    }
}
