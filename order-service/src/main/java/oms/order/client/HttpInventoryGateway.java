package oms.order.client;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Singleton
class HttpInventoryGateway implements InventoryGateway {

    private static final String NAME = "inventory";
    private static final Argument<ReservationView> RESERVATION = Argument.of(ReservationView.class);

    private final BlockingHttpClient http;
    private final Downstream downstream;

    HttpInventoryGateway(@Client(NAME) HttpClient client, Downstream downstream) {
        this.http = client.toBlocking();
        this.downstream = downstream;
    }

    @Override
    public ReservationView reserve(ReservationRequest request) {
        return downstream.call(NAME, () -> http.retrieve(HttpRequest.POST("/api/v1/reservations", request),
                RESERVATION, Downstream.PROBLEM));
    }

    @Override
    public ReservationView commit(UUID reservationId) {
        return downstream.call(NAME, () -> http.retrieve(HttpRequest.POST("/api/v1/reservations/" + reservationId + "/commit",
                Map.of()), RESERVATION, Downstream.PROBLEM));
    }

    @Override
    public List<ReservationView> reservationsOf(UUID orderId) {
        // Its own breaker, like payment's look-up: a breaker opened by slow reserves must not hide what they did.
        return downstream.call(NAME + "-lookup", () -> http.retrieve(HttpRequest.GET("/api/v1/reservations?orderId=" + orderId),
                Argument.listOf(ReservationView.class), Downstream.PROBLEM));
    }

    @Override
    public ReservationView releaseAttempt(UUID orderId, int attempt) {
        return downstream.call(NAME, () -> http.retrieve(HttpRequest.POST("/api/v1/reservations/releases",
                Map.of("orderId", orderId, "attempt", attempt)), RESERVATION, Downstream.PROBLEM));
    }
}
