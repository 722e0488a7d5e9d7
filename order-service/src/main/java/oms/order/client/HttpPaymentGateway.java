package oms.order.client;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

@Singleton
class HttpPaymentGateway implements PaymentGateway {

    private static final String NAME = "payment";
    private static final Argument<PaymentView> PAYMENT = Argument.of(PaymentView.class);

    private final BlockingHttpClient http;
    private final Downstream downstream;

    HttpPaymentGateway(@Client(NAME) HttpClient client, Downstream downstream) {
        this.http = client.toBlocking();
        this.downstream = downstream;
    }

    @Override
    public PaymentView authorize(PaymentRequest request) {
        return downstream.call(NAME, () -> http.retrieve(HttpRequest.POST("/api/v1/payments", request),
                PAYMENT, Downstream.PROBLEM));
    }

    @Override
    public PaymentView voidAttempt(PaymentRequest attempt) {
        return downstream.call(NAME, () -> http.retrieve(HttpRequest.POST("/api/v1/payments/voids", attempt),
                PAYMENT, Downstream.PROBLEM));
    }

    @Override
    public List<PaymentView> paymentsOf(UUID orderId) {
        // Its own breaker: after authorize calls time out and open the payment breaker, finding out
        // what they did is exactly what is needed, and payment answers reads fast.
        return downstream.call(NAME + "-lookup", () -> http.retrieve(HttpRequest.GET("/api/v1/payments?orderId=" + orderId),
                Argument.listOf(PaymentView.class), Downstream.PROBLEM));
    }
}
