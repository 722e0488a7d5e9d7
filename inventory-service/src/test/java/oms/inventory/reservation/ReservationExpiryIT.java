package oms.inventory.reservation;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import oms.inventory.Api;
import oms.inventory.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** The scheduled sweep, end to end over HTTP, with a TTL short enough to watch it happen. */
@MicronautTest
@Property(name = "inventory.reservation-ttl", value = "1s")
@Property(name = "inventory.expiry.interval", value = "200ms")
class ReservationExpiryIT extends TestDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    private Api api() {
        return new Api(http.toBlocking());
    }

    private Object reserve(String sku, int quantity) {
        return api().expect(HttpStatus.CREATED, Api.reserve(UUID.randomUUID(), Map.of(sku, quantity))).get("id");
    }

    /** Polls the reservation until the sweeper has had its way with it. */
    private Map<String, Object> awaitStatus(Object id, String status) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        Map<String, Object> current = api().get("/api/v1/reservations/" + id);
        while (!status.equals(current.get("status"))) {
            if (Instant.now().isAfter(deadline)) {
                fail("Reservation " + id + " still " + current.get("status") + ", expected " + status);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(e);
            }
            current = api().get("/api/v1/reservations/" + id);
        }
        return current;
    }

    @Test
    void anOverdueHeldReservationExpiresAndItsUnitsGoBack() {
        List<String> skus = api().twoProducts(10, 5);
        Object id = api().expect(HttpStatus.CREATED,
                Api.reserve(UUID.randomUUID(), Api.items(skus.get(0), 3, skus.get(1), 5))).get("id");
        awaitStatus(id, "EXPIRED");
        assertEquals(new Stock(10, 0, 10, 0), assertConserved(skus.get(0)));
        assertEquals(new Stock(5, 0, 5, 0), assertConserved(skus.get(1)));
    }

    @Test
    void anExpiredReservationCannotBeCommittedAndReleasingItIsANoOp() {
        String sku = api().twoProducts(10, 10).get(0);
        Object id = reserve(sku, 4);
        Map<String, Object> expired = awaitStatus(id, "EXPIRED");
        Map<String, Object> problem = api().problem(HttpRequest.POST(Api.action(id, "commit"), Map.of()), HttpStatus.CONFLICT);
        assertEquals("RESERVATION_NOT_HELD", problem.get("code"));
        assertEquals(expired, api().expect(HttpStatus.OK, HttpRequest.POST(Api.action(id, "release"), Map.of())));
        assertEquals(new Stock(10, 0, 10, 0), assertConserved(sku));
    }

    @Test
    void committedAndNotYetDueReservationsAreLeftAlone() {
        List<String> skus = api().twoProducts(10, 10);
        Object committed = reserve(skus.get(0), 3);
        api().expect(HttpStatus.OK, HttpRequest.POST(Api.action(committed, "commit"), Map.of()));
        Object fresh = reserve(skus.get(1), 2);
        // The API cannot ask for a longer TTL than this test's 1s; push the deadline out directly.
        assertEquals(1, execute("UPDATE reservation SET expires_at = now() + interval '1 hour' "
                + "WHERE id = ? AND status = 'HELD'", UUID.fromString(fresh.toString())), "fresh one still HELD");
        // Created last, so once it has expired the sweeper has also seen the others past 1s.
        awaitStatus(reserve(skus.get(1), 1), "EXPIRED");
        assertEquals("COMMITTED", api().get("/api/v1/reservations/" + committed).get("status"));
        assertEquals("HELD", api().get("/api/v1/reservations/" + fresh).get("status"));
        assertEquals(new Stock(7, 0, 10, 3), assertConserved(skus.get(0)));
        assertEquals(new Stock(8, 2, 10, 0), assertConserved(skus.get(1)));
    }
}
