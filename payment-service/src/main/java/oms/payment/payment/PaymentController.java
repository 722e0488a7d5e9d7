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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import oms.chassis.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Tag(name = "payments")
@Controller("/api/v1/payments")
@Secured({Roles.ADMIN, Roles.SERVICE})
@ExecuteOn(TaskExecutors.BLOCKING)
class PaymentController {

    private final PaymentService service;
    private final AfterCommitDelay afterCommitDelay;

    PaymentController(PaymentService service, AfterCommitDelay afterCommitDelay) {
        this.service = service;
        this.afterCommitDelay = afterCommitDelay;
    }

    /** 201 for a new payment (AUTHORIZED or DECLINED), 200 for a repeat of an earlier request. */
    @Post
    HttpResponse<PaymentResponse> authorize(@Body @Valid AuthorizePaymentRequest request) {
        Authorization result = service.authorize(request);
        afterCommitDelay.pause(); // the service's transaction has committed by now
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
    @Operation(summary = "Make sure no authorization of an order attempt stands (void by attempt)", description = """
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
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaymentResponse.class)))
    @ApiResponse(responseCode = "200", description = "The attempt's payment, now VOIDED, or DECLINED as it was",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaymentResponse.class)))
    @ApiResponse(responseCode = "400", description = "Malformed body, as for authorize; nothing is written",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = """
            {"type": "https://oms.example/problems/invalid-request", "title": "Bad Request", "status": 400,
             "detail": "amount: must be greater than 0", "code": "INVALID_REQUEST",
             "errors": [{"field": "amount", "message": "must be greater than 0"}]}""")))
    @ApiResponse(responseCode = "422", description = "A currency other than the shop's (CURRENCY_NOT_SUPPORTED); nothing is written",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = """
            {"type": "https://oms.example/problems/currency-not-supported", "title": "Unprocessable Entity",
             "status": 422, "detail": "Only USD is accepted, not EUR", "code": "CURRENCY_NOT_SUPPORTED"}""")))
    HttpResponse<PaymentResponse> voidAttempt(@Body @Valid AuthorizePaymentRequest request) {
        AttemptVoid result = service.voidAttempt(request);
        PaymentResponse body = PaymentResponse.of(result.payment());
        return result.created()
                ? HttpResponse.created(body, URI.create("/api/v1/payments/" + body.id()))
                : HttpResponse.ok(body);
    }

    @Post("/{id}/void")
    PaymentResponse voidPayment(@PathVariable UUID id) {
        return PaymentResponse.of(service.voidPayment(id));
    }

    @Get("/{id}")
    PaymentResponse get(@PathVariable UUID id) {
        return PaymentResponse.of(service.get(id));
    }

    /** Oldest first; all payments, or those of one order. */
    @Get
    List<PaymentResponse> list(@QueryValue @Nullable UUID orderId,
                               @QueryValue(defaultValue = "0") @Min(0) int page,
                               @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        return service.list(orderId, page, size).stream().map(PaymentResponse::of).toList();
    }
}
