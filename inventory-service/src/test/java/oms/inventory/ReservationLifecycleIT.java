package oms.inventory;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Commit and release: each transition moves stock once, repeats are no-ops. */
@MicronautTest
class ReservationLifecycleIT extends TestDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    private Api api() {
        return new Api(http.toBlocking());
    }

    @Test
    void commitSellsTheHeldUnitsOnce() {
        List<String> skus = api().twoProducts(10, 10);
        Map<String, Object> held = api().expect(HttpStatus.CREATED, Api.reserve(UUID.randomUUID(), Map.of(skus.get(0), 3)));
        Map<String, Object> committed = api().expect(HttpStatus.OK, HttpRequest.POST(Api.action(held.get("id"), "commit"), Map.of()));
        assertEquals("COMMITTED", committed.get("status"));
        assertEquals(new Stock(7, 0, 10, 3), assertConserved(skus.get(0)));
        Map<String, Object> again = api().expect(HttpStatus.OK, HttpRequest.POST(Api.action(held.get("id"), "commit"), Map.of()));
        assertEquals(committed, again);
        assertEquals(new Stock(7, 0, 10, 3), assertConserved(skus.get(0)));
    }

    @Test
    void releaseReturnsHeldUnitsAndAReleasedReservationCannotBeCommitted() {
        List<String> skus = api().twoProducts(10, 10);
        Map<String, Object> held = api().expect(HttpStatus.CREATED, Api.reserve(UUID.randomUUID(), Api.items(skus.get(0), 3, skus.get(1), 1)));
        Map<String, Object> released = api().expect(HttpStatus.OK, HttpRequest.POST(Api.action(held.get("id"), "release"), Map.of()));
        assertEquals("RELEASED", released.get("status"));
        assertEquals(new Stock(10, 0, 10, 0), assertConserved(skus.get(0)));
        assertEquals(new Stock(10, 0, 10, 0), assertConserved(skus.get(1)));
        assertEquals(released, api().expect(HttpStatus.OK, HttpRequest.POST(Api.action(held.get("id"), "release"), Map.of())));
        Map<String, Object> problem = api().problem(HttpRequest.POST(Api.action(held.get("id"), "commit"), Map.of()), HttpStatus.CONFLICT);
        assertEquals("RESERVATION_NOT_HELD", problem.get("code"));
        assertEquals(new Stock(10, 0, 10, 0), assertConserved(skus.get(0)));
    }

    @Test
    void releasingACommittedReservationReturnsTheSoldUnits() {
        List<String> skus = api().twoProducts(10, 10);
        Map<String, Object> held = api().expect(HttpStatus.CREATED, Api.reserve(UUID.randomUUID(), Map.of(skus.get(0), 4)));
        api().expect(HttpStatus.OK, HttpRequest.POST(Api.action(held.get("id"), "commit"), Map.of()));
        Map<String, Object> released = api().expect(HttpStatus.OK, HttpRequest.POST(Api.action(held.get("id"), "release"), Map.of()));
        assertEquals("RELEASED", released.get("status"));
        assertEquals(new Stock(10, 0, 10, 0), assertConserved(skus.get(0)));
    }

    @Test
    void unknownReservationIs404() {
        UUID id = UUID.randomUUID();
        for (HttpRequest<?> request : List.<HttpRequest<?>>of(HttpRequest.GET("/api/v1/reservations/" + id),
                HttpRequest.POST(Api.action(id, "commit"), Map.of()), HttpRequest.POST(Api.action(id, "release"), Map.of()))) {
            assertEquals("RESERVATION_NOT_FOUND", api().problem(request, HttpStatus.NOT_FOUND).get("code"));
        }
    }
}
