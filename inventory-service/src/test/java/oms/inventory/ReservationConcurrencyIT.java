package oms.inventory;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import oms.chassis.testing.Concurrently;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many clients at once through HTTP: the database, not luck, must decide who gets the stock. */
@MicronautTest
class ReservationConcurrencyIT extends TestDatabase {

    /** One answer: status, error code (if any) and reservation id (if any). */
    record Answer(int status, String code, Object id) {
    }

    @Inject
    @Client("/")
    HttpClient http;

    private Api api() {
        return new Api(http.toBlocking());
    }

    /** Runs every request on its own thread, all released at once by a start gate. */
    private List<Answer> fireTogether(List<HttpRequest<?>> requests) throws Exception {
        return Concurrently.run(requests.size(), i -> send(requests.get(i)));
    }

    private Answer send(HttpRequest<?> request) {
        try {
            var response = api().exchange(request);
            return new Answer(response.code(), null, response.body().get("id"));
        } catch (HttpClientResponseException e) {
            Map<String, Object> body = e.getResponse().getBody(Api.JSON).orElse(Map.of());
            return new Answer(e.code(), (String) body.get("code"), null);
        }
    }

    private static long withStatus(List<Answer> answers, int status) {
        return answers.stream().filter(a -> a.status() == status).count();
    }

    @Test
    void fiftyConcurrentReservationsNeverTakeMoreThanAvailable() throws Exception {
        String sku = "HOT-" + UUID.randomUUID().toString().substring(0, 8);
        api().createProduct(sku, "9.99", 5);
        List<HttpRequest<?>> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            requests.add(Api.reserve(UUID.randomUUID(), Map.of(sku, 1)));
        }
        long reservationsBefore = count("reservation");
        List<Answer> answers = fireTogether(requests);
        assertEquals(5, withStatus(answers, 201), answers::toString);
        assertEquals(45, withStatus(answers, 422), answers::toString);
        assertTrue(answers.stream().filter(a -> a.status() == 422).allMatch(a -> "INSUFFICIENT_STOCK".equals(a.code())), answers::toString);
        assertEquals(new Stock(0, 5, 5, 0), assertConserved(sku));
        assertEquals(reservationsBefore + 5, count("reservation"));
    }

    @Test
    void thirtyConcurrentDuplicatesMakeOneReservation() throws Exception {
        String sku = "DUP-" + UUID.randomUUID().toString().substring(0, 8);
        api().createProduct(sku, "1.00", 100);
        UUID orderId = UUID.randomUUID();
        List<HttpRequest<?>> requests = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            requests.add(Api.reserve(orderId, Map.of(sku, 3)));
        }
        List<Answer> answers = fireTogether(requests);
        assertEquals(1, withStatus(answers, 201), answers::toString);
        assertEquals(29, withStatus(answers, 200), answers::toString);
        assertEquals(1, answers.stream().map(Answer::id).distinct().count(), answers::toString);
        assertEquals(new Stock(97, 3, 100, 0), assertConserved(sku));
        assertEquals(1, api().list("/api/v1/reservations?orderId=" + orderId).size());
    }

    @Test
    void racingCommitsAndReleasesOfOneReservationApplyEachTransitionOnce() throws Exception {
        String sku = "FLIP-" + UUID.randomUUID().toString().substring(0, 8);
        api().createProduct(sku, "1.00", 10);
        Object id = api().expect(HttpStatus.CREATED, Api.reserve(UUID.randomUUID(), Map.of(sku, 4))).get("id");
        List<HttpRequest<?>> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(HttpRequest.POST("/api/v1/reservations/" + id + (i % 2 == 0 ? "/commit" : "/release"), Map.of()));
        }
        List<Answer> answers = fireTogether(requests);
        assertTrue(answers.stream().allMatch(a -> a.status() == 200 || "RESERVATION_NOT_HELD".equals(a.code())), answers::toString);
        assertEquals("RELEASED", api().get("/api/v1/reservations/" + id).get("status"));
        assertEquals(new Stock(10, 0, 10, 0), assertConserved(sku));
    }

    /**
     * The undo of a reserve that timed out: the reserve and the release of the same attempt arrive
     * together. Whichever takes the key first, the attempt ends up holding nothing: either the
     * reserve won (201) and the release gave its units back (200), or the release left a tombstone
     * (201) and the reserve was refused (422 RESERVATION_MISMATCH) without moving stock.
     */
    @Test
    void aReserveRacingTheReleaseOfItsAttemptLeavesNothingHeld() throws Exception {
        String sku = "RACE-" + UUID.randomUUID().toString().substring(0, 8);
        api().createProduct(sku, "1.00", 1000);
        List<UUID> orders = new ArrayList<>();
        List<HttpRequest<?>> requests = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UUID orderId = UUID.randomUUID();
            int attempt = 1 + i % 2;
            orders.add(orderId);
            // Submitted in alternating order, so neither side always gets its thread started first.
            HttpRequest<?> reserve = Api.reserve(orderId, attempt, Map.of(sku, 1 + i % 5));
            HttpRequest<?> release = Api.releaseAttempt(orderId, attempt);
            requests.addAll(i % 2 == 0 ? List.of(reserve, release) : List.of(release, reserve));
        }
        List<Answer> answers = fireTogether(requests);
        int reserveWon = 0;
        for (int i = 0; i < orders.size(); i++) {
            Answer reserve = answers.get(2 * i + (i % 2 == 0 ? 0 : 1));
            Answer release = answers.get(2 * i + (i % 2 == 0 ? 1 : 0));
            List<Answer> pair = List.of(reserve, release);
            if (reserve.status() == 201) {
                reserveWon++;
                assertEquals(200, release.status(), pair::toString);
                assertEquals(reserve.id(), release.id(), pair::toString);
            } else {
                assertEquals(new Answer(422, "RESERVATION_MISMATCH", null), reserve, pair::toString);
                assertEquals(201, release.status(), pair::toString);
            }
            List<Map<String, Object>> all = api().list("/api/v1/reservations?orderId=" + orders.get(i));
            assertEquals(1, all.size(), all::toString);
            assertEquals("RELEASED", all.get(0).get("status"), all::toString);
            assertEquals(release.id(), all.get(0).get("id"), all::toString);
        }
        assertEquals(0, scalar("SELECT count(*) FROM reservation WHERE status IN ('HELD', 'COMMITTED') "
                + "AND order_id = ANY (CAST(? AS uuid[]))", "{" + String.join(",", orders.stream().map(UUID::toString).toList()) + "}"));
        assertEquals(new Stock(1000, 0, 1000, 0), assertConserved(sku));
        System.out.printf("reserve-vs-release race: the reserve took the key first in %d of %d pairs%n",
                reserveWon, orders.size());
    }

    /**
     * Orders of three products each, their lines in every order, reserved all at once and then
     * committed and released all at once: a transaction locking the shared products in its own
     * order would deadlock with another (PostgreSQL then aborts one: a 500). Each answer must be a
     * decision instead, and every unit must be where the answers put it.
     */
    @Test
    void multiItemOrdersListedInEveryOrderNeitherDeadlockNorOversell() throws Exception {
        String prefix = "MIX-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> skus = List.of(prefix + "-A", prefix + "-B", prefix + "-C");
        skus.forEach(sku -> api().createProduct(sku, "1.00", 40));
        List<List<String>> orders = List.of(List.of(0, 1, 2), List.of(2, 1, 0), List.of(1, 2, 0),
                List.of(0, 2, 1), List.of(2, 0, 1), List.of(1, 0, 2)).stream()
                .map(order -> order.stream().map(skus::get).toList()).toList();
        List<HttpRequest<?>> reserves = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Map<String, Integer> items = new LinkedHashMap<>();
            orders.get(i % orders.size()).forEach(sku -> items.put(sku, 1));
            reserves.add(Api.reserve(UUID.randomUUID(), items));
        }
        List<Answer> reserved = fireTogether(reserves);
        assertEquals(40, withStatus(reserved, 201), reserved::toString);
        assertTrue(reserved.stream().filter(a -> a.status() != 201)
                .allMatch(a -> a.status() == 422 && "INSUFFICIENT_STOCK".equals(a.code())), reserved::toString);
        List<Object> ids = reserved.stream().filter(a -> a.status() == 201).map(Answer::id).toList();
        List<HttpRequest<?>> changes = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            changes.add(HttpRequest.POST(Api.action(ids.get(i), i % 2 == 0 ? "commit" : "release"), Map.of()));
        }
        List<Answer> changed = fireTogether(changes);
        assertEquals(ids.size(), withStatus(changed, 200), changed::toString);
        for (String sku : skus) {
            assertEquals(new Stock(20, 0, 40, 20), assertConserved(sku));
        }
    }

    @Test
    void concurrentReleasesOfOneAttemptLeaveOneTombstone() throws Exception {
        UUID orderId = UUID.randomUUID();
        List<HttpRequest<?>> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(Api.releaseAttempt(orderId, 3));
        }
        List<Answer> answers = fireTogether(requests);
        assertEquals(1, withStatus(answers, 201), answers::toString);
        assertEquals(19, withStatus(answers, 200), answers::toString);
        assertEquals(1, answers.stream().map(Answer::id).distinct().count(), answers::toString);
        List<Map<String, Object>> all = api().list("/api/v1/reservations?orderId=" + orderId);
        assertEquals(1, all.size());
        assertEquals("RELEASED", all.get(0).get("status"));
    }
}
