package oms.inventory.reservation;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import oms.inventory.Api;
import oms.inventory.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * POST /reservations/releases: an order attempt ends up holding no stock, whether its reservation
 * came first (released) or not (a tombstone takes the key and turns the late reserve away).
 */
// Not transactional: rows written on the test thread must be visible to the server and the sweeper.
@MicronautTest(transactional = false)
@Property(name = "inventory.expiry.interval", value = "1h") // only the sweeps this test starts run
class ReleaseAttemptIT extends TestDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ExpirySweeper sweeper;

    private Api api() {
        return new Api(http.toBlocking());
    }

    private List<Map<String, Object>> reservationsOf(UUID orderId) {
        return api().list("/api/v1/reservations?orderId=" + orderId);
    }

    @Test
    void releasingAnAttemptWithNothingThereTakesItsKeyAndALateReserveIsRefused() {
        List<String> skus = api().twoProducts(10, 10);
        UUID orderId = UUID.randomUUID();
        HttpResponse<Map<String, Object>> response = api().exchange(Api.releaseAttempt(orderId, 1));
        assertEquals(HttpStatus.CREATED, response.getStatus());
        Map<String, Object> tombstone = response.body();
        assertEquals("/api/v1/reservations/" + tombstone.get("id"), response.header("Location"));
        assertEquals("RELEASED", tombstone.get("status"));
        assertEquals(List.of(), tombstone.get("items"));
        assertEquals(orderId.toString(), tombstone.get("orderId"));
        assertEquals(1, tombstone.get("attempt"));
        assertEquals("USD", tombstone.get("currency"));
        assertEquals(tombstone, api().get(response.header("Location")));
        assertEquals(List.of(tombstone), reservationsOf(orderId));

        // The reserve that was still on its way arrives: refused, with or without an explicit attempt.
        for (HttpRequest<?> late : List.of(Api.reserve(orderId, 1, Map.of(skus.get(0), 3)),
                Api.reserve(orderId, Api.items(skus.get(0), 3, skus.get(1), 1)))) {
            Map<String, Object> problem = api().problem(late, HttpStatus.UNPROCESSABLE_ENTITY);
            assertEquals("RESERVATION_MISMATCH", problem.get("code"));
        }
        assertEquals(new Stock(10, 0, 10, 0), assertConserved(skus.get(0)));
        assertEquals(new Stock(10, 0, 10, 0), assertConserved(skus.get(1)));
        assertEquals(List.of(tombstone), reservationsOf(orderId));

        // Releasing again is a no-op; the order placed again (next attempt) reserves as usual.
        assertEquals(tombstone, api().expect(HttpStatus.OK, Api.releaseAttempt(orderId)));
        Map<String, Object> next = api().expect(HttpStatus.CREATED, Api.reserve(orderId, 2, Map.of(skus.get(0), 3)));
        assertEquals("HELD", next.get("status"));
        assertEquals(new Stock(7, 3, 10, 0), assertConserved(skus.get(0)));
    }

    @Test
    void releasingAnAttemptReleasesItsHeldReservationOnce() {
        List<String> skus = api().twoProducts(10, 10);
        UUID orderId = UUID.randomUUID();
        Map<String, Object> held = api().expect(HttpStatus.CREATED, Api.reserve(orderId, Api.items(skus.get(0), 3, skus.get(1), 1)));
        assertEquals(new Stock(7, 3, 10, 0), assertConserved(skus.get(0)));
        Map<String, Object> released = api().expect(HttpStatus.OK, Api.releaseAttempt(orderId));
        assertEquals(held.get("id"), released.get("id"));
        assertEquals("RELEASED", released.get("status"));
        assertEquals(held.get("items"), released.get("items"));
        assertEquals(new Stock(10, 0, 10, 0), assertConserved(skus.get(0)));
        assertEquals(new Stock(10, 0, 10, 0), assertConserved(skus.get(1)));
        assertEquals(released, api().expect(HttpStatus.OK, Api.releaseAttempt(orderId, 1)));
        assertEquals(new Stock(10, 0, 10, 0), assertConserved(skus.get(0)));
        assertEquals(new Stock(10, 0, 10, 0), assertConserved(skus.get(1)));
        assertEquals(List.of(released), reservationsOf(orderId));
    }

    @Test
    void releasingAnAttemptReturnsTheUnitsOfItsCommittedReservation() {
        String sku = api().twoProducts(10, 10).get(0);
        UUID orderId = UUID.randomUUID();
        Map<String, Object> held = api().expect(HttpStatus.CREATED, Api.reserve(orderId, 2, Map.of(sku, 4)));
        api().expect(HttpStatus.OK, HttpRequest.POST(Api.action(held.get("id"), "commit"), Map.of()));
        assertEquals(new Stock(6, 0, 10, 4), assertConserved(sku));
        Map<String, Object> released = api().expect(HttpStatus.OK, Api.releaseAttempt(orderId, 2));
        assertEquals(held.get("id"), released.get("id"));
        assertEquals("RELEASED", released.get("status"));
        assertEquals(new Stock(10, 0, 10, 0), assertConserved(sku));
        assertEquals(released, api().expect(HttpStatus.OK, Api.releaseAttempt(orderId, 2)));
        assertEquals(new Stock(10, 0, 10, 0), assertConserved(sku));
    }

    @Test
    void onlyTheNamedAttemptIsReleased() {
        String sku = api().twoProducts(10, 10).get(0);
        UUID orderId = UUID.randomUUID();
        Map<String, Object> first = api().expect(HttpStatus.CREATED, Api.reserve(orderId, 1, Map.of(sku, 3)));
        Map<String, Object> tombstone = api().expect(HttpStatus.CREATED, Api.releaseAttempt(orderId, 2));
        assertNotEquals(first.get("id"), tombstone.get("id"));
        assertEquals(2, tombstone.get("attempt"));
        assertEquals(List.of("HELD", "RELEASED"), reservationsOf(orderId).stream().map(r -> r.get("status")).toList());
        assertEquals(new Stock(7, 3, 10, 0), assertConserved(sku));
    }

    @Test
    void releasingAnExpiredAttemptIsANoOp() {
        String sku = api().twoProducts(10, 10).get(0);
        UUID orderId = UUID.randomUUID();
        Map<String, Object> held = api().expect(HttpStatus.CREATED, Api.reserve(orderId, Map.of(sku, 5)));
        execute("UPDATE reservation SET expires_at = now() - interval '1 minute' WHERE id = ?",
                UUID.fromString((String) held.get("id")));
        assertTrue(sweeper.sweep() >= 1);
        Map<String, Object> expired = api().get("/api/v1/reservations/" + held.get("id"));
        assertEquals("EXPIRED", expired.get("status"));
        assertEquals(new Stock(10, 0, 10, 0), assertConserved(sku));
        assertEquals(expired, api().expect(HttpStatus.OK, Api.releaseAttempt(orderId)));
        assertEquals(new Stock(10, 0, 10, 0), assertConserved(sku));
    }

    /**
     * A tombstone's deadline is its creation time, so it is "overdue" at once; the sweep must leave
     * it alone (it is not HELD). A HELD reservation without items cannot come from the API, but if
     * one existed the sweep would expire it without moving stock or failing its batch.
     */
    @Test
    void theSweepLeavesTombstonesAloneAndCopesWithAReservationWithoutItems() {
        String sku = api().twoProducts(10, 10).get(0);
        sweeper.sweep(); // whatever other tests left overdue
        Map<String, Object> held = api().expect(HttpStatus.CREATED, Api.reserve(UUID.randomUUID(), Map.of(sku, 2)));
        Map<String, Object> tombstone = api().expect(HttpStatus.CREATED, Api.releaseAttempt(UUID.randomUUID()));
        UUID itemless = UUID.randomUUID();
        execute("INSERT INTO reservation (id, order_id, attempt, status, currency, expires_at, created_at, updated_at) "
                + "VALUES (?, ?, 1, 'HELD', 'USD', now() - interval '1 minute', now(), now())", itemless, UUID.randomUUID());
        execute("UPDATE reservation SET expires_at = now() - interval '1 minute' WHERE id = ?",
                UUID.fromString((String) held.get("id")));

        assertEquals(2, sweeper.sweep());
        assertEquals(tombstone, api().get("/api/v1/reservations/" + tombstone.get("id")));
        Map<String, Object> expiredEmpty = api().get("/api/v1/reservations/" + itemless);
        assertEquals("EXPIRED", expiredEmpty.get("status"));
        assertEquals(List.of(), expiredEmpty.get("items"));
        assertEquals("EXPIRED", api().get("/api/v1/reservations/" + held.get("id")).get("status"));
        assertEquals(new Stock(10, 0, 10, 0), assertConserved(sku));
        assertEquals(0, sweeper.sweep());
    }

    /**
     * The interleaving the endpoint exists for, made certain instead of left to timing: the reserve
     * has taken the attempt's key but not committed (held up here on the product row) when the
     * release arrives. The release's insert waits for it, then releases what it committed.
     */
    @Test
    void aReleaseArrivingWhileTheReserveIsInFlightReleasesWhatTheReserveCommits() throws Exception {
        String sku = api().twoProducts(10, 10).get(0);
        UUID orderId = UUID.randomUUID();
        InFlight race = raceAgainstReserveInFlight(sku, "SELECT 1 FROM product WHERE sku = ? FOR UPDATE",
                Api.reserve(orderId, 1, Map.of(sku, 4)), orderId);
        assertEquals(201, race.reserveStatus());
        assertEquals(HttpStatus.OK, race.release().getStatus());
        Map<String, Object> released = race.release().body();
        assertEquals("RELEASED", released.get("status"));
        assertEquals(List.of(Map.of("sku", sku, "quantity", 4, "unitPrice", 10.00)), released.get("items"));
        assertEquals(List.of(released), reservationsOf(orderId));
        assertEquals(new Stock(10, 0, 10, 0), assertConserved(sku));
    }

    /**
     * The same, but the reserve fails and rolls its key back: the release then takes the key. It
     * fails because a stock count (as PUT .../stock does) sets the free stock to 0 while it waits.
     */
    @Test
    void aReleaseArrivingWhileAFailingReserveIsInFlightLeavesATombstone() throws Exception {
        String sku = api().twoProducts(10, 10).get(0);
        UUID orderId = UUID.randomUUID();
        InFlight race = raceAgainstReserveInFlight(sku, "UPDATE product SET total_stock = total_stock - available, "
                + "available = 0 WHERE sku = ?", Api.reserve(orderId, 1, Map.of(sku, 4)), orderId);
        assertEquals(422, race.reserveStatus());
        assertEquals(HttpStatus.CREATED, race.release().getStatus());
        Map<String, Object> tombstone = race.release().body();
        assertEquals("RELEASED", tombstone.get("status"));
        assertEquals(List.of(), tombstone.get("items"));
        assertEquals(List.of(tombstone), reservationsOf(orderId));
        assertEquals(new Stock(0, 0, 0, 0), assertConserved(sku));
    }

    private record InFlight(int reserveStatus, HttpResponse<Map<String, Object>> release) {
    }

    /**
     * Locks the product row with {@code blockerSql}, sends the reserve (it takes the key, then waits
     * for the product), sends the release of attempt 1 (its insert waits for the reserve's key), and
     * only then commits the blocker.
     */
    private InFlight raceAgainstReserveInFlight(String sku, String blockerSql, HttpRequest<?> reserve, UUID orderId)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection blocker = connect()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement(blockerSql)) {
                lock.setString(1, sku);
                lock.execute();
            }
            Future<Integer> reserving = pool.submit(() -> api().status(reserve));
            awaitSessionsWaitingOnLocks(1);
            Future<HttpResponse<Map<String, Object>>> releasing = pool.submit(() -> api().exchange(Api.releaseAttempt(orderId, 1)));
            awaitSessionsWaitingOnLocks(2);
            blocker.commit();
            return new InFlight(reserving.get(30, TimeUnit.SECONDS), releasing.get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    private void awaitSessionsWaitingOnLocks(int sessions) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND wait_event_type = 'Lock'") < sessions) {
            if (Instant.now().isAfter(deadline)) {
                fail("Expected " + sessions + " sessions waiting on a lock");
            }
            Thread.sleep(20);
        }
    }
}
