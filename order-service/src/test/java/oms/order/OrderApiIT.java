package oms.order;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import oms.chassis.testing.Concurrently;
import oms.order.stub.StubDownstreams;
import oms.order.stub.WithStubDownstreams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /orders through HTTP, with real database and clients, against stub downstreams. */
@MicronautTest
@Property(name = "spec.name", value = "OrderApiIT")
@Property(name = "placement.budget", value = "2s")
@Property(name = "placement.recovery-interval", value = "300ms")
class OrderApiIT extends WithStubDownstreams {


    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StubDownstreams.World world;

    private UUID customer;
    private String sku;


    @BeforeEach
    void givenAnActiveCustomerAndStock() {
        customer = UUID.randomUUID();
        world.activeCustomers.add(customer);
        // A product of its own per test: an order that recovery settles later cannot touch another test's stock.
        sku = "BOOK-" + UUID.randomUUID().toString().substring(0, 8);
        world.stock.put(sku, new java.util.concurrent.atomic.AtomicInteger(1000));
        world.reserveDelayMillis = 0;
        world.paymentDown = false;
    }

    @Test
    void confirmsOrderAndReplaysTheSameAnswerForTheSameKey() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = post(key, order(customer, sku, 2));
        assertEquals(201, first.code());
        Map<?, ?> body = json(first.body());
        assertEquals("CONFIRMED", body.get("status"));
        assertEquals(25.0, ((Number) body.get("totalAmount")).doubleValue());
        assertEquals("/api/v1/orders/" + body.get("id"), first.header("Location"));
        assertEquals(null, first.header("Idempotent-Replayed"));

        HttpResponse<String> again = post(key, order(customer, sku, 2));
        assertEquals(201, again.code());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.body(), again.body());
        assertEquals(1, ordersOf(customer).size());
    }

    @Test
    void answersKeyProblemsWithoutPlacingAnything() {
        assertProblem(post(null, order(customer, sku, 1)), 400, "IDEMPOTENCY_KEY_MISSING");
        assertProblem(post("", order(customer, sku, 1)), 400, "IDEMPOTENCY_KEY_INVALID");
        assertProblem(post("k".repeat(256), order(customer, sku, 1)), 400, "IDEMPOTENCY_KEY_INVALID");
        assertProblem(post("tab\tkey", order(customer, sku, 1)), 400, "IDEMPOTENCY_KEY_INVALID");
        assertEquals(0, ordersOf(customer).size());
    }

    @Test
    void refusesAKeyReusedWithAnotherBody() {
        String key = UUID.randomUUID().toString();
        assertEquals(201, post(key, order(customer, sku, 1)).code());
        assertProblem(post(key, order(customer, sku, 3)), 422, "IDEMPOTENCY_KEY_REUSED");
        assertEquals(1, ordersOf(customer).size());
    }

    @Test
    void fiftyConcurrentRequestsWithOneKeyMakeExactlyOneOrder() throws Exception {
        world.reserveDelayMillis = 300;
        int before = world.reserveCalls.get();
        String key = UUID.randomUUID().toString();
        List<HttpResponse<String>> answers = Concurrently.run(50, i -> post(key, order(customer, sku, 1)));
        int created = 0;
        for (HttpResponse<String> response : answers) {
            assertTrue(response.code() == 201 || response.code() == 409, "unexpected " + response.code());
            if (response.code() == 409) {
                assertEquals("IDEMPOTENCY_KEY_IN_USE", json(response.body()).get("code"));
                assertNotNull(response.header("Retry-After"));
            } else {
                created++;
            }
        }
        assertTrue(created >= 1);
        assertEquals(1, ordersOf(customer).size());
        assertEquals(before + 1, world.reserveCalls.get());
    }

    @Test
    void rejectsUnknownCustomerAndReplaysTheRejection() {
        String key = UUID.randomUUID().toString();
        UUID stranger = UUID.randomUUID();
        HttpResponse<String> first = post(key, order(stranger, sku, 1));
        Map<?, ?> problem = assertProblem(first, 422, "CUSTOMER_NOT_FOUND");
        Map<?, ?> stored = json(http.toBlocking().retrieve("/api/v1/orders/" + problem.get("orderId")));
        assertEquals("REJECTED", stored.get("status"));
        HttpResponse<String> again = post(key, order(stranger, sku, 1));
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.body(), again.body());
    }

    @Test
    void rejectsInsufficientStockNamingTheSku() {
        Map<?, ?> problem = assertProblem(post(UUID.randomUUID().toString(), order(customer, sku, 5000)),
                422, "INSUFFICIENT_STOCK");
        assertEquals(List.of(sku), problem.get("skus"));
    }

    @Test
    void failsWhenPaymentIsDownAndPlacesTheSameOrderAgainOnRetry() {
        world.paymentDown = true;
        String key = UUID.randomUUID().toString();
        HttpResponse<String> failed = post(key, order(customer, sku, 4));
        Map<?, ?> problem = assertProblem(failed, 503, "DEPENDENCY_UNAVAILABLE");
        assertNotNull(failed.header("Retry-After"));
        assertEquals(1000, world.stock.get(sku).get(), "the reservation was released");
        Map<?, ?> order = json(http.toBlocking().retrieve("/api/v1/orders/" + problem.get("orderId")));
        assertEquals("FAILED", order.get("status"));

        world.paymentDown = false;
        HttpResponse<String> retried = post(key, order(customer, sku, 4));
        assertEquals(201, retried.code());
        assertEquals(problem.get("orderId"), json(retried.body()).get("id"));
        assertEquals("CONFIRMED", json(retried.body()).get("status"));
        assertEquals(996, world.stock.get(sku).get());
    }

    @Test
    void rejectsMalformedBodiesWithoutWriting() {
        List<String> bodies = List.of(
                "{\"customerId\": \"" + customer + "\", \"items\": [",
                "{\"customerId\": \"not-a-uuid\", \"items\": [{\"sku\": \"" + sku + "\", \"quantity\": 1}]}",
                "{\"customerId\": \"" + customer + "\", \"items\": []}",
                "{\"customerId\": \"" + customer + "\", \"items\": [{\"sku\": \"" + sku + "\", \"quantity\": 0}]}",
                "{\"customerId\": \"" + customer + "\", \"items\": [{\"sku\": \"" + sku + "\", \"quantity\": -2}]}",
                "{\"customerId\": \"" + customer + "\", \"items\": [{\"sku\": \"" + sku + "\", \"quantity\": \"many\"}]}",
                "{\"customerId\": \"" + customer + "\", \"items\": [{\"sku\": \"" + sku + "\", \"quantity\": \"2\"}]}",
                "{\"customerId\": \"" + customer + "\", \"items\": [{\"sku\": \"" + sku + "\", \"quantity\": 1.5}]}",
                "{\"customerId\": \"" + customer + "\", \"items\": [{\"sku\": 42, \"quantity\": 1}]}",
                "{\"customerId\": \"" + customer + "\", \"items\": [{\"sku\": \"" + "S".repeat(65) + "\", \"quantity\": 1}]}",
                "{\"customerId\": \"" + customer + "\", \"items\": [{\"sku\": \"" + sku + "\", \"quantity\": 1}, {\"sku\": \"" + sku + "\", \"quantity\": 2}]}",
                "{\"items\": [{\"sku\": \"" + sku + "\", \"quantity\": 1}]}",
                "[1, 2]");
        for (String body : bodies) {
            assertProblem(post(UUID.randomUUID().toString(), body), 400, "INVALID_REQUEST");
        }
        assertEquals(0, ordersOf(customer).size());
    }

    @Test
    void answers202WhenOutOfTimeAndRecoverySettlesTheOrder() {
        world.reserveDelayMillis = 2500;   // past the budget, within the read timeout
        String key = UUID.randomUUID().toString();
        HttpResponse<String> accepted = post(key, order(customer, sku, 3));
        assertEquals(202, accepted.code(), accepted.body());
        Map<?, ?> pending = json(accepted.body());
        assertEquals("PENDING", pending.get("status"));
        assertEquals("/api/v1/orders/" + pending.get("id"), accepted.header("Location"));

        Map<?, ?> settled = awaitSettled(pending.get("id").toString());
        assertEquals("FAILED", settled.get("status"), "interrupted before the payment: undone");
        assertEquals(1000, world.stock.get(sku).get());
        List<String> timeline = events(pending.get("id").toString());
        assertTrue(timeline.contains("PLACEMENT:OUT_OF_TIME"), timeline.toString());
        assertTrue(timeline.contains("RECOVERY:RESUMED"), timeline.toString());
        assertTrue(timeline.contains("RELEASE_STOCK:DONE"), timeline.toString());
        assertEquals("ORDER:FAILED", timeline.get(timeline.size() - 1));

        world.reserveDelayMillis = 0;
        HttpResponse<String> retried = post(key, order(customer, sku, 3));
        assertEquals(201, retried.code(), retried.body());
        assertEquals(pending.get("id"), json(retried.body()).get("id"));
    }

    @Test
    void recordsEveryStepInTheTimeline() {
        Map<?, ?> order = json(post(UUID.randomUUID().toString(), order(customer, sku, 1)).body());
        assertEquals(List.of("PLACEMENT:STARTED", "CHECK_CUSTOMER:DONE", "RESERVE_STOCK:DONE", "AUTHORIZE_PAYMENT:DONE",
                "COMMIT_RESERVATION:DONE", "ORDER:CONFIRMED"), events(order.get("id").toString()));
    }

    @Test
    void cancelsAConfirmedOrderOnceAndRefusesOthers() {
        Map<?, ?> order = json(post(UUID.randomUUID().toString(), order(customer, sku, 5)).body());
        String id = order.get("id").toString();
        assertEquals(995, world.stock.get(sku).get());
        HttpResponse<String> cancelled = http.toBlocking().exchange(HttpRequest.POST("/api/v1/orders/" + id + "/cancel", ""), String.class);
        assertEquals(200, cancelled.code());
        assertEquals("CANCELLED", json(cancelled.body()).get("status"));
        assertEquals(1000, world.stock.get(sku).get());
        assertEquals("VOIDED", world.payments.get(UUID.fromString(order.get("paymentId").toString())).get("status"));
        HttpResponse<String> again = http.toBlocking().exchange(HttpRequest.POST("/api/v1/orders/" + id + "/cancel", ""), String.class);
        assertEquals("CANCELLED", json(again.body()).get("status"));
        assertEquals(1000, world.stock.get(sku).get());

        Map<?, ?> rejected = json(post(UUID.randomUUID().toString(), order(customer, sku, 5000)).body());
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/v1/orders/" + rejected.get("orderId") + "/cancel", ""), String.class));
        assertEquals(409, e.code());
        assertEquals("ORDER_NOT_CANCELLABLE", json(e.getResponse().getBody(String.class).orElseThrow()).get("code"));
    }

    @Test
    void concurrentCancelsGiveTheStockBackOnce() throws Exception {
        Map<?, ?> order = json(post(UUID.randomUUID().toString(), order(customer, sku, 7)).body());
        String id = order.get("id").toString();
        List<Integer> codes = Concurrently.run(10, i -> {
            try {
                return http.toBlocking().exchange(HttpRequest.POST("/api/v1/orders/" + id + "/cancel", ""), String.class).code();
            } catch (HttpClientResponseException e) {
                return e.code();
            }
        });
        codes.forEach(c -> assertTrue(c == 200 || c == 409, "unexpected " + c));
        assertTrue(codes.contains(200), codes::toString);
        assertEquals("CANCELLED", json(http.toBlocking().retrieve("/api/v1/orders/" + id)).get("status"));
        assertEquals(1000, world.stock.get(sku).get(), "the units came back exactly once");
    }

    @Test
    void answersUnknownOrderWithProblem() {
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve("/api/v1/orders/" + UUID.randomUUID()));
        assertEquals(404, e.code());
        assertEquals("ORDER_NOT_FOUND", json(e.getResponse().getBody(String.class).orElseThrow()).get("code"));
    }

    private List<String> events(String orderId) {
        List<Map> events = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/orders/" + orderId + "/events"),
                Argument.listOf(Map.class));
        return events.stream().map(e -> e.get("step") + ":" + e.get("outcome")).toList();
    }

    private Map<?, ?> awaitSettled(String orderId) {
        long deadline = System.currentTimeMillis() + 15_000;
        Map<?, ?> order = json(http.toBlocking().retrieve("/api/v1/orders/" + orderId));
        while ("PENDING".equals(order.get("status")) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            order = json(http.toBlocking().retrieve("/api/v1/orders/" + orderId));
        }
        return order;
    }

    private static String order(UUID customerId, String sku, int quantity) {
        return "{\"customerId\": \"" + customerId + "\", \"items\": [{\"sku\": \"" + sku + "\", \"quantity\": " + quantity + "}]}";
    }

    private HttpResponse<String> post(String key, String body) {
        MutableHttpRequest<String> request = HttpRequest.POST("/api/v1/orders", body).contentType(MediaType.APPLICATION_JSON_TYPE);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try {
            return http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> response = (HttpResponse<String>) e.getResponse();
            return response;
        }
    }

    private List<?> ordersOf(UUID customerId) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/v1/orders?size=100&customerId=" + customerId),
                Argument.listOf(Map.class));
    }

    private Map<?, ?> assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.code(), () -> "body: " + response.getBody(String.class).orElse(""));
        assertEquals("application/problem+json", response.getContentType().map(MediaType::toString).orElse(""));
        Map<?, ?> problem = json(response.getBody(String.class).orElseThrow());
        assertEquals(code, problem.get("code"));
        return problem;
    }

    private static Map<?, ?> json(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(body, Map.class);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

}
