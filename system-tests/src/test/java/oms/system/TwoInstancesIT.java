package oms.system;

import com.fasterxml.jackson.databind.JsonNode;
import oms.chassis.testing.Concurrently;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static oms.system.FaultReport.SETTLE_WITHIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two order-service instances on one database (e1, e2, f), sharing one system: the key, the stock and
 * the recovery of a killed instance's orders hold across instances. f kills the second instance, so it
 * runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    @AutoClose
    private static SystemUnderTest sut;
    private static List<String> urls;

    @BeforeAll
    static void start() {
        sut = SystemUnderTest.builder().start();
        urls = List.of(sut.url(Service.ORDER), sut.startSecondOrderInstance());
    }


    @Test
    @Order(1)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void fiftyConcurrentRequestsWithOneKeyMakeOneOrder() throws Exception {
        Shop shop = new Shop(sut);
        String customer = shop.customer();
        String sku = shop.product("10.00", 100);
        String key = "one-key-" + UUID.randomUUID();
        String body = Shop.order(customer, sku, 1);

        List<HttpResponse<String>> answers = Concurrently.run(50,
                i -> Http.post(urls.get(i % 2) + "/api/v1/orders", body, "Idempotency-Key", key));

        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode,
                TreeMap::new, Collectors.counting()));
        JsonNode orders = Http.json(Http.get(urls.get(0) + "/api/v1/orders?size=100&customerId=" + customer));
        System.out.printf("[fault] e1 one key, 50 concurrent requests across 2 instances: answers %s; orders of the customer %d%n",
                byStatus, orders.size());
        for (HttpResponse<String> answer : answers) {
            int status = answer.statusCode();
            assertTrue(status == 201 || status == 202 || status == 409,
                    "expected 201, 202 or 409 (IDEMPOTENCY_KEY_IN_USE), got " + status + " " + answer.body());
        }
        assertEquals(1, orders.size(), "one key is one order: " + orders);
        String orderId = orders.get(0).get("id").asText();
        for (HttpResponse<String> answer : answers) {
            if (answer.statusCode() != 409) {
                assertEquals(orderId, Http.json(answer).get("id").asText(), "every answer names the one order");
            }
        }
        assertEquals("CONFIRMED", OrderPolling.awaitFinal(urls.get(1), orderId, Duration.ofSeconds(30)));
        assertEquals(99, shop.stock(sku).get("available").asInt());
        Invariants.of(sut).assertHold();
    }

    @Test
    @Order(2)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void neverOversell() throws Exception {
        Shop shop = new Shop(sut);
        String customer = shop.customer();
        String sku = shop.product("10.00", 5);

        List<HttpResponse<String>> answers = Concurrently.run(40, i -> Http.post(urls.get(i % 2) + "/api/v1/orders",
                Shop.order(customer, sku, 1), "Idempotency-Key", "race-" + i + "-" + UUID.randomUUID()));

        Map<String, Long> outcomes = answers.stream().collect(Collectors.groupingBy(a -> a.statusCode()
                + (a.statusCode() == 422 ? " " + Http.json(a).path("code").asText() : ""), TreeMap::new, Collectors.counting()));
        JsonNode confirmed = Http.json(Http.get(urls.get(1) + "/api/v1/orders?size=100&status=CONFIRMED&customerId=" + customer));
        int available = shop.stock(sku).get("available").asInt();
        System.out.printf("[fault] e2 oversell race, 5 units, 40 single-unit orders across 2 instances: answers %s; "
                + "CONFIRMED %d; available %d%n", outcomes, confirmed.size(), available);
        for (HttpResponse<String> answer : answers) {
            assertTrue(answer.statusCode() < 500, "no 5xx: " + answer.statusCode() + " " + answer.body());
        }
        assertEquals(5L, outcomes.getOrDefault("201", 0L), "exactly 5 confirmed: " + outcomes);
        assertEquals(35L, outcomes.getOrDefault("422 INSUFFICIENT_STOCK", 0L), "the rest short of stock: " + outcomes);
        assertEquals(5, confirmed.size(), "5 CONFIRMED orders: " + confirmed);
        assertEquals(0, available);
        Invariants.of(sut).assertHold();
    }

    /**
     * What "safe with two instances" is for: kill -9 one of two instances in the middle of a burst and do NOT
     * restart it; its clients move to the survivor with the same keys, and the survivor's recovery worker
     * settles the dead instance's orders (once their lease runs out).
     */
    @Test
    @Order(3)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void theSurvivorSettlesTheOrdersOfAKilledInstance() {
        String scenario = "f (kill -9 order-service-2 of 2, not restarted)";
        OrderMix mix = OrderMix.mixed(new Shop(sut));
        try (Burst burst = new Burst(urls, 8, Duration.ofSeconds(120))) {
            burst.start(mix.body(), 80);
            burst.awaitAnswered(80 / 3, Duration.ofSeconds(60));
            int answeredAtKill = burst.answered();
            sut.killSecondOrderInstance();
            Instant killedAt = Instant.now();
            List<String> pendingAtKill = new OrderDatabase(sut).pendingOrderIds();
            burst.atLeast(30);
            burst.deadline(killedAt.plus(SETTLE_WITHIN));
            List<Burst.Outcome> outcomes = burst.await(killedAt.plus(SETTLE_WITHIN).plusSeconds(5));
            FaultReport.assertNoProblems(scenario, new FaultReport(scenario, sut, urls.get(0), mix, outcomes,
                    answeredAtKill, killedAt, killedAt, pendingAtKill).settleAndCheck());
        }
    }
}
