package oms.order.client;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Singleton;

import java.util.UUID;

@Singleton
class HttpCustomerGateway implements CustomerGateway {

    private static final String NAME = "customer";

    private final BlockingHttpClient http;
    private final Downstream downstream;

    HttpCustomerGateway(@Client(NAME) HttpClient client, Downstream downstream) {
        this.http = client.toBlocking();
        this.downstream = downstream;
    }

    @Override
    public CustomerView find(UUID customerId) {
        return downstream.call(NAME, () -> http.retrieve(HttpRequest.GET("/api/v1/customers/" + customerId),
                Argument.of(CustomerView.class), Downstream.PROBLEM));
    }
}
