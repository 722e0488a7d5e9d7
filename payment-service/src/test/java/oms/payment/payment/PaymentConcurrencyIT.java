package oms.payment.payment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import oms.chassis.testing.TestDatabase;
import oms.chassis.testing.Concurrently;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static oms.payment.payment.PaymentCalls.JSON;
import static oms.payment.payment.PaymentCalls.PAYMENTS;
import static oms.payment.payment.PaymentCalls.VOIDS;
import static oms.payment.payment.PaymentCalls.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class PaymentConcurrencyIT extends TestDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    private PaymentCalls api;

    @BeforeAll
    void setUp() {
        api = new PaymentCalls(http);
    }

    /** A status and, for a success, the payment; errors are kept, not thrown, so every answer is counted. */
    record Outcome(int status, Map<String, Object> body) {
    }

    private Outcome send(HttpRequest<?> request) {
        try {
            HttpResponse<Map<String, Object>> response = http.toBlocking().exchange(request, JSON);
            return new Outcome(response.code(), response.body());
        } catch (HttpClientResponseException e) {
            return new Outcome(e.code(), e.getResponse().getBody(JSON).orElse(Map.of()));
        }
    }

    /**
     * Fires n copies of a request from n threads at once: all wait at a start gate that opens together.
     * Each thread gets a request object of its own: a client request is mutable (the client sets its
     * headers and encodes its body when sending) and not safe to send from several threads; a shared
     * one made the server read an empty or torn body now and then, a 400 that no real client causes.
     */
    private List<Outcome> inParallel(int n, Supplier<HttpRequest<?>> request) throws Exception {
        return inParallel(Stream.generate(request).limit(n).toList());
    }

    /** Fires every request from a thread of its own at once; the outcomes come back in the requests' order. */
    private List<Outcome> inParallel(List<? extends HttpRequest<?>> requests) throws Exception {
        return Concurrently.run(requests.size(), i -> send(requests.get(i)));
    }

    @Test
    void concurrentIdenticalAuthorizationsMakeExactlyOnePayment() throws Exception {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> body = request(orderId, UUID.randomUUID(), "99.99");
        List<Outcome> outcomes = inParallel(30, () -> HttpRequest.POST(PAYMENTS, body));

        List<Integer> statuses = outcomes.stream().map(Outcome::status).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), () -> "statuses " + statuses);
        assertEquals(29, statuses.stream().filter(s -> s == 200).count(), () -> "outcomes " + outcomes);
        assertEquals(1, outcomes.stream().map(o -> o.body().get("id")).distinct().count());
        assertEquals(1, scalar("SELECT count(*) FROM payment WHERE order_id = ?", orderId));
    }

    @Test
    void concurrentVoidsAllAnswerVoided() throws Exception {
        Map<String, Object> payment = api.created(request(UUID.randomUUID(), UUID.randomUUID(), "10.00"));
        List<Outcome> outcomes = inParallel(20, () -> HttpRequest.POST(PAYMENTS + "/" + payment.get("id") + "/void", ""));

        List<Integer> statuses = outcomes.stream().map(Outcome::status).toList();
        assertEquals(List.of(200), statuses.stream().distinct().toList(), () -> "statuses " + statuses);
        assertTrue(outcomes.stream().allMatch(o -> "VOIDED".equals(o.body().get("status"))));
        assertEquals(1, outcomes.stream().map(o -> o.body().get("updatedAt")).distinct().count(),
                "only one void changed the row; the others answered it as it was");
    }

    /**
     * The fault the tombstone exists for: order-service gives up on an authorize that is still in flight
     * and voids the attempt. Whichever of them commits first, no authorization may stand afterwards.
     */
    @Test
    void authorizeRacingAVoidOfTheSameAttemptNeverLeavesAnAuthorization() throws Exception {
        int orders = 30;
        int copies = 3;
        record Call(UUID orderId, boolean isVoid, HttpRequest<?> request) {
        }
        List<Call> calls = new ArrayList<>();
        List<UUID> orderIds = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            UUID orderId = UUID.randomUUID();
            orderIds.add(orderId);
            // every fifth order is above the limit, so its authorize, if first, makes a decline
            Map<String, Object> body = request(orderId, UUID.randomUUID(), i % 5 == 4 ? "1500.00" : "25.00");
            body.put("attempt", 1 + i % 2);
            for (int c = 0; c < copies; c++) {
                calls.add(new Call(orderId, false, HttpRequest.POST(PAYMENTS, body)));
                calls.add(new Call(orderId, true, HttpRequest.POST(VOIDS, body)));
            }
        }
        Collections.shuffle(calls, new Random(42));
        List<Outcome> outcomes = inParallel(calls.stream().map(Call::request).toList());

        int tombstones = 0;
        for (UUID orderId : orderIds) {
            List<Integer> statuses = new ArrayList<>();
            List<Object> ids = new ArrayList<>();
            Outcome created = null;
            boolean createdByVoid = false;
            for (int i = 0; i < calls.size(); i++) {
                if (!calls.get(i).orderId().equals(orderId)) {
                    continue;
                }
                Outcome o = outcomes.get(i);
                statuses.add(o.status());
                ids.add(o.body().get("id"));
                if (o.status() == 201) {
                    created = o;
                    createdByVoid = calls.get(i).isVoid();
                }
                if (calls.get(i).isVoid()) {
                    assertTrue(Set.of("VOIDED", "DECLINED").contains(o.body().get("status")),
                            () -> "a void answered " + o);
                }
            }
            assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 201), () -> orderId + ": statuses " + statuses);
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), () -> orderId + ": statuses " + statuses);
            assertEquals(1, ids.stream().distinct().count(), () -> orderId + ": ids " + ids);
            assertEquals(1, scalar("SELECT count(*) FROM payment WHERE order_id = ?", orderId));
            assertEquals(0, scalar("SELECT count(*) FROM payment WHERE order_id = ? AND status = 'AUTHORIZED'", orderId),
                    () -> orderId + " was left AUTHORIZED");
            assertEquals(1, scalar("SELECT count(*) FROM payment WHERE order_id = ? AND status IN ('VOIDED', 'DECLINED')",
                    orderId));
            if (createdByVoid) {
                tombstones++;
                assertEquals("VOIDED", created.body().get("status"));
            }
        }
        System.out.printf("authorize/void race: %d of %d attempts were tombstoned before any authorize%n",
                tombstones, orders);
    }
}
