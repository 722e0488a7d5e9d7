package oms.inventory.reservation;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import oms.inventory.Api;
import oms.inventory.TestDatabase;
import oms.chassis.testing.Concurrently;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several sweepers (as on several instances) and clients at once on the same overdue reservations:
 * every reservation ends in one state, its stock moved exactly once, and nothing deadlocks.
 */
// Not transactional: the reservations made here on the test thread must be visible to the other threads.
@MicronautTest(transactional = false)
@Property(name = "inventory.expiry.interval", value = "1h") // only the sweeps this test starts run
@Property(name = "inventory.expiry.batch-size", value = "7") // many small batches, so sweepers interleave
class ExpiryConcurrencyIT extends TestDatabase {

    private static final int STOCK = 1000;

    /** What a commit or release answered: its HTTP status and the reservation status or error code. */
    record Answer(int status, String outcome) {
    }

    @Inject
    ExpirySweeper sweeper;

    @Inject
    ReservationService reservations;

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void concurrentSweepersExpireEachReservationExactlyOnce() throws Exception {
        List<String> skus = products(4);
        List<UUID> ids = holdOverdue(skus, 200);
        List<Integer> expired = together(List.of(sweeper::sweep, sweeper::sweep, sweeper::sweep, sweeper::sweep));
        assertEquals(200, expired.stream().mapToInt(Integer::intValue).sum(), expired::toString);
        ids.forEach(id -> assertEquals(ReservationStatus.EXPIRED, statusOf(id)));
        skus.forEach(sku -> assertEquals(new Stock(STOCK, 0, STOCK, 0), assertConserved(sku)));
        assertEquals(0, sweeper.sweep());
    }

    @Test
    void sweepersRacingCommitsAndReleasesLeaveEveryReservationInOneEndState() throws Exception {
        List<String> skus = products(4);
        List<UUID> ids = holdOverdue(skus, 120);
        Map<UUID, Answer> answers = new ConcurrentHashMap<>();
        List<Callable<Integer>> tasks = new ArrayList<>(List.of(sweeper::sweep, sweeper::sweep));
        // The sweepers claim the oldest first; the clients start from the newest, so the two meet
        // somewhere in the middle and fight over the same rows there.
        for (int client = 0; client < 4; client++) {
            int first = ids.size() - 1 - client;
            tasks.add(() -> {
                for (int i = first; i >= 0; i -= 4) {
                    answers.put(ids.get(i), send(Api.action(ids.get(i), i % 2 == 0 ? "commit" : "release")));
                }
                return 0;
            });
        }
        int swept = together(tasks).stream().mapToInt(Integer::intValue).sum();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            ReservationStatus end = statusOf(id);
            Answer answer = answers.get(id);
            if (i % 2 == 0 && answer.status() == 409) {
                assertEquals(new Answer(409, "RESERVATION_NOT_HELD"), answer);
                assertEquals(ReservationStatus.EXPIRED, end, () -> "reservation " + id);
            } else {
                // Commit: COMMITTED. Release: RELEASED, or EXPIRED when the sweep got there first (a no-op).
                assertEquals(new Answer(200, end.name()), answer, () -> "reservation " + id);
            }
        }
        assertEquals(ids.stream().filter(id -> statusOf(id) == ReservationStatus.EXPIRED).count(), swept);
        assertTrue(swept > 0 && swept < ids.size(), () -> "both sides won some, not " + swept + " of " + ids.size());
        for (String sku : skus) {
            Stock s = assertConserved(sku);
            assertEquals(new Stock(STOCK - s.committed(), 0, STOCK, s.committed()), s);
        }
    }

    private List<String> products(int count) {
        String prefix = "X" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            new Api(http.toBlocking()).createProduct(prefix + i, "1.00", STOCK);
            skus.add(prefix + i);
        }
        return skus;
    }

    /**
     * Reservations of one or two products each, the lines sometimes in descending sku order: a
     * batch then spans products in every combination. All are made overdue at once, keeping the
     * order of their deadlines, which is the order the sweepers claim them in.
     */
    private List<UUID> holdOverdue(List<String> skus, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<ReservationItemRequest> items = new ArrayList<>();
            items.add(new ReservationItemRequest(skus.get(i % skus.size()), 1 + i % 3));
            if (i % 2 == 0) {
                items.add(new ReservationItemRequest(skus.get((i + 2) % skus.size()), 1));
            }
            ids.add(reservations.reserve(new ReserveRequest(UUID.randomUUID(), null, items)).details().reservation().id());
        }
        execute("UPDATE reservation SET expires_at = expires_at - interval '1 day' WHERE status = 'HELD'");
        return ids;
    }

    private ReservationStatus statusOf(UUID id) {
        return reservations.get(id).reservation().status();
    }

    private Answer send(String uri) {
        try {
            Map<String, Object> body = http.toBlocking().retrieve(HttpRequest.POST(uri, Map.of()), Api.JSON);
            return new Answer(200, (String) body.get("status"));
        } catch (HttpClientResponseException e) {
            return new Answer(e.code(), (String) e.getResponse().getBody(Api.JSON).orElse(Map.of()).get("code"));
        }
    }

    /** Runs every task on its own thread, all released at once; any exception fails the test. */
    private static <T> List<T> together(List<Callable<T>> tasks) throws Exception {
        return Concurrently.run(tasks.size(), i -> tasks.get(i).call());
    }
}
