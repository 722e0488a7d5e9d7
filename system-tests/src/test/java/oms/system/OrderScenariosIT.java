package oms.system;

import com.fasterxml.jackson.databind.JsonNode;
import oms.chassis.testing.Concurrently;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract's scenarios through HTTP against the four packaged services as real processes, each
 * followed by a check of the invariants across the inventory, payment and order databases.
 */
class OrderScenariosIT {

    @AutoClose
    private static SystemUnderTest sut;
    private static Shop shop;

    @BeforeAll
    static void startSystem() {
        sut = SystemUnderTest.builder()
                .env(Service.ORDER, "BREAKER_OPEN_FOR", "2s")
                .env(Service.ORDER, "BREAKER_MIN_CALLS", "4")
                .start();
        shop = new Shop(sut);
    }


    @AfterEach
    void invariantsHold() {
        Invariants.of(sut).assertHold();
    }

    @Test
    void confirmsAnOrderPricedByInventoryAndChargedOnce() {
        String customer = shop.customer();
        String sku = shop.product("25.00", 10);
        HttpResponse<String> placed = shop.place(Shop.order(customer, sku, 2));
        assertEquals(201, placed.statusCode(), placed.body());
        JsonNode order = Http.json(placed);
        assertEquals("CONFIRMED", order.get("status").asText());
        assertEquals(0, order.get("totalAmount").decimalValue().compareTo(new java.math.BigDecimal("50.00")));
        assertEquals(0, order.get("items").get(0).get("lineTotal").decimalValue().compareTo(new java.math.BigDecimal("50")));
        assertEquals("/api/v1/orders/" + order.get("id").asText(), placed.headers().firstValue("Location").orElse(""));
        assertEquals(8, shop.stock(sku).get("available").asInt());
        assertEquals(0, shop.stock(sku).get("reserved").asInt());
        JsonNode payments = shop.paymentsOf(order.get("id").asText());
        assertEquals(1, payments.size());
        assertEquals("AUTHORIZED", payments.get(0).get("status").asText());
    }

    @Test
    void replaysTheFirstAnswerAndRefusesTheKeyWithAnotherBody() {
        String customer = shop.customer();
        String sku = shop.product("10.00", 10);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = shop.place(key, Shop.order(customer, sku, 1));
        HttpResponse<String> again = shop.place(key, Shop.order(customer, sku, 1));
        assertEquals(201, again.statusCode());
        assertEquals(first.body(), again.body());
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertProblem(shop.place(key, Shop.order(customer, sku, 2)), 422, "IDEMPOTENCY_KEY_REUSED");
        assertEquals(9, shop.stock(sku).get("available").asInt());
        assertEquals(1, shop.ordersOf(customer).size());
    }

    @Test
    void rejectsInsufficientStockAndUnknownSkuWithoutMovingStock() {
        String customer = shop.customer();
        String sku = shop.product("10.00", 3);
        JsonNode short_ = assertProblem(shop.place(Shop.order(customer, sku, 4)), 422, "INSUFFICIENT_STOCK");
        assertEquals(sku, short_.get("skus").get(0).asText());
        assertEquals("REJECTED", shop.orderById(short_.get("orderId").asText()).get("status").asText());
        assertProblem(shop.place(Shop.order(customer, "NO-SUCH-SKU", 1)), 422, "PRODUCT_NOT_FOUND");
        assertEquals(3, shop.stock(sku).get("available").asInt());
    }

    @Test
    void rejectsUnknownAndSuspendedCustomers() {
        String sku = shop.product("10.00", 3);
        assertProblem(shop.place(Shop.order(UUID.randomUUID().toString(), sku, 1)), 422, "CUSTOMER_NOT_FOUND");
        assertProblem(shop.place(Shop.order(shop.suspendedCustomer(), sku, 1)), 422, "CUSTOMER_INACTIVE");
        assertEquals(3, shop.stock(sku).get("available").asInt());
    }

    @Test
    void restoresStockAndLeavesNoAuthorizationWhenPaymentIsDeclined() {
        String customer = shop.customer();
        String sku = shop.product("600.00", 5);
        JsonNode problem = assertProblem(shop.place(Shop.order(customer, sku, 2)), 422, "PAYMENT_DECLINED");
        String orderId = problem.get("orderId").asText();
        assertEquals("REJECTED", shop.orderById(orderId).get("status").asText());
        assertEquals(5, shop.stock(sku).get("available").asInt());
        assertEquals(0, shop.stock(sku).get("reserved").asInt());
        assertEquals("DECLINED", shop.paymentsOf(orderId).get(0).get("status").asText());
    }

    @Test
    void fiftyConcurrentRequestsWithOneKeyMakeOneOrder() throws Exception {
        String customer = shop.customer();
        String sku = shop.product("10.00", 100);
        String key = UUID.randomUUID().toString();
        List<HttpResponse<String>> answers = Concurrently.run(50, i -> shop.place(key, Shop.order(customer, sku, 1)));
        int created = 0;
        for (HttpResponse<String> answer : answers) {
            assertTrue(answer.statusCode() == 201 || answer.statusCode() == 409, answer.statusCode() + " " + answer.body());
            created += answer.statusCode() == 201 ? 1 : 0;
        }
        assertTrue(created >= 1);
        assertEquals(1, shop.ordersOf(customer).size());
        assertEquals(99, shop.stock(sku).get("available").asInt());
    }

    @Test
    void concurrentOrdersNeverOversell() throws Exception {
        String customer = shop.customer();
        String sku = shop.product("10.00", 5);
        List<HttpResponse<String>> answers = Concurrently.run(40, i -> shop.place(Shop.order(customer, sku, 1)));
        long confirmed = answers.stream().filter(a -> a.statusCode() == 201).count();
        long rejected = answers.stream().filter(a -> a.statusCode() == 422
                && Http.json(a).get("code").asText().equals("INSUFFICIENT_STOCK")).count();
        assertEquals(5, confirmed);
        assertEquals(35, rejected);
        assertEquals(0, shop.stock(sku).get("available").asInt());
    }

    @Test
    void answersFastWhenPaymentIsDownUndoesTheReservationAndRecovers() {
        String customer = shop.customer();
        String sku = shop.product("10.00", 10);
        String key = UUID.randomUUID().toString();
        sut.stop(Service.PAYMENT);
        try {
            long started = System.nanoTime();
            HttpResponse<String> failed = shop.place(key, Shop.order(customer, sku, 2));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            JsonNode problem = assertProblem(failed, 503, "DEPENDENCY_UNAVAILABLE");
            assertNotNull(failed.headers().firstValue("Retry-After").orElse(null));
            assertTrue(took.toMillis() < 3000, "503 took " + took.toMillis() + " ms");
            assertEquals("FAILED", shop.orderById(problem.get("orderId").asText()).get("status").asText());
            assertEquals(10, shop.stock(sku).get("available").asInt());
            for (int i = 0; i < 4; i++) {   // enough failures to open the breaker: then no call is even tried
                assertProblem(shop.place(Shop.order(customer, sku, 1)), 503, "DEPENDENCY_UNAVAILABLE");
            }
            long openStarted = System.nanoTime();
            assertProblem(shop.place(Shop.order(customer, sku, 1)), 503, "DEPENDENCY_UNAVAILABLE");
            assertTrue(Duration.ofNanos(System.nanoTime() - openStarted).toMillis() < 1000, "open breaker answers at once");
        } finally {
            sut.start(Service.PAYMENT);
        }
        HttpResponse<String> retried = awaitStatus(201, () -> shop.place(key, Shop.order(customer, sku, 2)));
        assertEquals("CONFIRMED", Http.json(retried).get("status").asText());
        assertEquals(8, shop.stock(sku).get("available").asInt());
    }

    @Test
    void rejectsMalformedRequestsWithoutWritingAnything() {
        String customer = shop.customer();
        String sku = shop.product("10.00", 10);
        List<String> bodies = List.of("{", "[]", "{\"customerId\":\"nope\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}",
                Shop.order(customer, sku, 0), Shop.order(customer, sku, -1), Shop.order(customer, sku, 10001),
                "{\"customerId\":\"" + customer + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":\"1\"}]}",
                "{\"customerId\":\"" + customer + "\",\"items\":[]}");
        for (String body : bodies) {
            assertProblem(shop.place(body), 400, "INVALID_REQUEST");
        }
        assertProblem(Http.post(sut.url(Service.ORDER) + "/api/v1/orders", Shop.order(customer, sku, 1)), 400,
                "IDEMPOTENCY_KEY_MISSING");
        assertEquals(0, shop.ordersOf(customer).size());
        assertEquals(10, shop.stock(sku).get("available").asInt());
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = Http.json(response);
        assertEquals(code, problem.get("code").asText(), response.body());
        return problem;
    }

    private static HttpResponse<String> awaitStatus(int status, java.util.function.Supplier<HttpResponse<String>> call) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        HttpResponse<String> last = call.get();
        while (last.statusCode() != status && System.nanoTime() < deadline) {
            sleep(500);
            last = call.get();
        }
        assertEquals(status, last.statusCode(), last.body());
        return last;
    }
    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
