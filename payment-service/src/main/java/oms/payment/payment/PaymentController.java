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
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Tag(name = "payments")
@Controller("/api/v1/payments")
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
