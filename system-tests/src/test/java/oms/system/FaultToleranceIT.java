package oms.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Crashes and slow answers against the four packaged services as real processes, each scenario followed by
 * the contract's "What must always hold": after a kill -9 of any service in the middle of a burst of orders
 * and its restart, no order is PENDING a minute later, every answer a client got matches the order's final
 * state, and the invariants across the inventory, payment and order databases hold.
 *
 * <p>Each crash scenario (a, b, c) runs on a system of its own (a stuck order of one must not fail the next);
 * e1, e2 and f (two order-service instances on one database) share one, and so do d and d2 (late payment
 * answers); on a shared system a scenario checks the invariants of its own orders. Every scenario prints a
 * summary ({@code [fault] ...}): orders run, outcomes, and the settlement time after the service was back.
 * All traffic goes to 127.0.0.1; every loop is bounded in tries and time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    /** The contract: every order settles within a minute of the services being back. */
    private static final Duration SETTLE_WITHIN = Duration.ofSeconds(60);
    private static final int BURST_ORDERS = 240;
    private static final int BURST_CLIENTS = 16;
    private static final int ORDERS_AFTER_RESTART = 60;
    private static final int SCARCE_UNITS = 10;

    /** e and f: two order-service instances on one database. */
    private static SystemUnderTest twoInstances;
    /** d and d2: payment answers 2 s after it committed, order-service waits 500 ms. */
    private static SystemUnderTest lateAnswers;

    @AfterAll
    static void stopSharedSystems() {
        stopSharedSystem();
        if (lateAnswers != null) {
            lateAnswers.close();
            lateAnswers = null;
        }
    }

    private static void stopSharedSystem() {
        if (twoInstances != null) {
            twoInstances.close();
            twoInstances = null;
        }
    }

    // --- e. two order-service instances on one database ----------------------------------------

    @Test
    @Order(1)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void twoInstancesFiftyConcurrentRequestsWithOneKeyMakeOneOrder() throws Exception {
        SystemUnderTest sut = twoInstances();
        List<String> urls = List.of(sut.url(Service.ORDER), sut.secondOrderUrl());
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
        assertEquals("CONFIRMED", awaitFinal(urls.get(1), orderId, Duration.ofSeconds(30)));
        assertEquals(99, shop.stock(sku).get("available").asInt());
        Invariants.of(sut).assertHold();
    }

    @Test
    @Order(2)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void twoInstancesNeverOversell() throws Exception {
        SystemUnderTest sut = twoInstances();
        List<String> urls = List.of(sut.url(Service.ORDER), sut.secondOrderUrl());
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
    void twoInstancesTheSurvivorSettlesTheOrdersOfAKilledInstance() {
        SystemUnderTest sut = twoInstances();
        try {
            String scenario = "f (kill -9 order-service-2 of 2, not restarted)";
            List<String> urls = List.of(sut.url(Service.ORDER), sut.secondOrderUrl());
            Mix mix = mixedOrders(new Shop(sut));
            try (Burst burst = new Burst(urls, 8, Duration.ofSeconds(120))) {
                burst.start(mix.body(), 80);
                burst.awaitAnswered(80 / 3, Duration.ofSeconds(60));
                int answeredAtKill = burst.answered();
                sut.killSecondOrderInstance();
                Instant killedAt = Instant.now();
                List<String> pendingAtKill = pendingOrderIds(sut);
                burst.atLeast(30);
                burst.deadline(killedAt.plus(SETTLE_WITHIN));
                List<Burst.Outcome> outcomes = burst.await(killedAt.plus(SETTLE_WITHIN).plusSeconds(5));
                assertNoProblems(scenario, settleAndCheck(new Fault(scenario, sut, urls.get(0), mix, outcomes,
                        answeredAtKill, killedAt, killedAt, pendingAtKill)));
            }
        } finally {
            stopSharedSystem();
        }
    }

    // --- a, b, c. kill -9 a service in the middle of a burst ------------------------------------

    @Test
    @Order(4)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void killOrderServiceDuringABurst() {
        crashDuringBurst("a (kill -9 order-service)", Service.ORDER);
    }

    @Test
    @Order(5)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void killPaymentServiceDuringABurst() {
        crashDuringBurst("b (kill -9 payment-service)", Service.PAYMENT);
    }

    @Test
    @Order(6)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void killInventoryServiceDuringABurst() {
        crashDuringBurst("c (kill -9 inventory-service)", Service.INVENTORY);
    }

    // --- d. payment answers after the read timeout, having committed ---------------------------

    @Test
    @Order(7)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void paymentThatAnswersAfterTheReadTimeoutIsNeitherLostNorTakenTwice() {
        SystemUnderTest sut = lateAnswers();
        lateAnswerScenario("d (payment answers 2 s after commit, read timeout 500 ms, 2 tries)", sut,
                sut.url(Service.ORDER), 20, 5);
    }

    /**
     * d's late answers, on a second order-service instance whose payment breaker opens at the first failure
     * (window 1): the first try times out (the payment is committed), and the retry is refused by the open
     * breaker. The order must not end FAILED with the payment still AUTHORIZED: an earlier try may have
     * reached payment, so the outcome is still unknown, whatever the last try says.
     */
    @Test
    @Order(8)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void lateAnswerFollowedByAnOpenBreakerIsStillAnUnknownOutcome() {
        SystemUnderTest sut = lateAnswers();
        try {
            String url = sut.startSecondOrderInstance(Map.of("BREAKER_WINDOW", "1", "BREAKER_MIN_CALLS", "1",
                    "BREAKER_OPEN_FOR", "1s"));
            lateAnswerScenario("d2 (late payment answer, then the breaker opens before the retry)", sut, url, 3, 1);
        } finally {
            if (lateAnswers != null) {
                lateAnswers.close();
                lateAnswers = null;
            }
        }
    }

    private void lateAnswerScenario(String scenario, SystemUnderTest sut, String url, int orders, int clients) {
        Shop shop = new Shop(sut);
        String customer = shop.customer();
        String sku = shop.product("10.00", 1000);
        Mix mix = new Mix(List.of(customer), sku, i -> Shop.order(customer, sku, 1 + i % 3));
        List<Burst.Outcome> outcomes;
        Instant done;
        try (Burst burst = new Burst(List.of(url), clients, Duration.ofSeconds(90))) {
            burst.start(mix.body(), orders);
            outcomes = burst.await(Instant.now().plusSeconds(95));
            done = Instant.now();
        }
        List<String> problems = settleAndCheck(new Fault(scenario, sut, url, mix, outcomes, outcomes.size(), done,
                done, pendingOrderIds(sut)));
        problems.addAll(paymentsPerAttempt(sut));
        // a late payment is either found and kept (CONFIRMED) or voided (FAILED); the amount is under the limit
        finalStatuses(url, outcomes, new ArrayList<>()).forEach((id, status) -> {
            if (!status.equals("CONFIRMED") && !status.equals("FAILED")) {
                problems.add("order " + id + " is " + status + ", expected CONFIRMED or FAILED");
            }
        });
        System.out.printf("[fault] %s: payments by status %s%n", scenario, paymentsByStatus(sut, mix.customers()));
        assertNoProblems(scenario, problems);
    }

    // --- the crash scenarios -------------------------------------------------------------------

    /**
     * {@value #BURST_ORDERS} orders from {@value #BURST_CLIENTS} clients; the victim is killed once a third are
     * answered and started again at once; the burst goes on until at least {@value #ORDERS_AFTER_RESTART}
     * orders were placed after the victim was back.
     */
    private void crashDuringBurst(String scenario, Service victim) {
        try (SystemUnderTest sut = SystemUnderTest.builder().start()) {
            Mix mix = mixedOrders(new Shop(sut));
            String url = sut.url(Service.ORDER);
            try (Burst burst = new Burst(List.of(url), BURST_CLIENTS, Duration.ofSeconds(180))) {
                burst.start(mix.body(), BURST_ORDERS);
                burst.awaitAnswered(BURST_ORDERS / 3, Duration.ofSeconds(60));
                int answeredAtKill = burst.answered();
                sut.kill(victim);
                Instant killedAt = Instant.now();
                System.out.printf("[fault] %s: killed after %d orders answered, %.1f s into the burst%n", scenario,
                        answeredAtKill, secondsBetween(burst.startedAt(), killedAt));
                sut.start(victim);
                Instant restarted = Instant.now();
                List<String> pendingAtRestart = pendingOrderIds(sut);
                burst.atLeast(ORDERS_AFTER_RESTART);
                burst.deadline(restarted.plus(SETTLE_WITHIN));
                List<Burst.Outcome> outcomes = burst.await(restarted.plus(SETTLE_WITHIN).plusSeconds(5));
                List<String> problems = settleAndCheck(new Fault(scenario, sut, url, mix, outcomes, answeredAtKill,
                        killedAt, restarted, pendingAtRestart));
                String stillWorks = worksAgain(url, mix);
                if (stillWorks != null) {
                    problems.add(stillWorks);
                }
                assertNoProblems(scenario, problems);
            }
        }
    }

    /** One fault and what the clients saw: {@code back} is when the killed process was ready again. */
    private record Fault(String scenario, SystemUnderTest sut, String url, Mix mix, List<Burst.Outcome> outcomes,
                         int answeredAtFault, Instant faultAt, Instant back, List<String> pendingAtBack) {
    }

    /**
     * The checks after a fault: no order PENDING within a minute of {@code back}, every client settled with an
     * answer that matches its order's final state, one order per key, and the invariants. Prints the
     * scenario's numbers and returns what is wrong.
     */
    private static List<String> settleAndCheck(Fault f) {
        String scenario = f.scenario();
        List<Burst.Outcome> outcomes = f.outcomes();
        List<String> problems = new ArrayList<>();
        Optional<Duration> noPendingAfter = awaitNoPending(f.url(), f.back(), SETTLE_WITHIN);
        Instant lastSettled = lastUpdate(f.sut(), f.pendingAtBack());
        if (noPendingAfter.isEmpty()) {
            problems.add("orders still PENDING " + SETTLE_WITHIN.toSeconds() + " s after the service was back: "
                    + countPending(f.sut()) + ", e.g. " + pendingSample(f.url()));
        }
        List<Burst.Outcome> unsettled = outcomes.stream().filter(o -> !o.settled()).toList();
        if (!unsettled.isEmpty()) {
            problems.add(unsettled.size() + " client(s) without a final answer by the deadline, e.g. "
                    + unsettled.stream().limit(3).map(o -> "#" + o.index() + " " + o.summary() + " order " + o.orderId()
                    + " (409s " + o.inUse() + ", 202s " + o.accepted() + ", " + o.lastError() + ")").toList());
        }
        List<String> unexpected = outcomes.stream().flatMap(o -> o.unexpected().stream()).toList();
        if (!unexpected.isEmpty()) {
            problems.add(unexpected.size() + " unexpected answer(s), e.g. " + unexpected.stream().limit(3).toList());
        }
        outcomes.stream().filter(o -> o.orderIdsSeen().size() > 1).limit(3).forEach(o ->
                problems.add("key " + o.key() + " was answered with several orders " + o.orderIdsSeen()));

        Map<String, String> finals = finalStatuses(f.url(), outcomes, problems);
        for (Burst.Outcome o : outcomes) {
            String actual = o.orderId() == null ? null : finals.get(o.orderId());
            if (o.settled() && actual != null && o.impliedStatus() != null && !o.impliedStatus().equals(actual)) {
                problems.add("client #" + o.index() + " got " + o.summary() + " but order " + o.orderId() + " is " + actual);
            }
        }
        long ordersInDb = ordersOf(f.sut(), f.mix().customers());
        if (ordersInDb > outcomes.size()) {
            problems.add("one key is one order, but there are " + ordersInDb + " orders for " + outcomes.size() + " keys");
        }
        // on a shared system only this scenario's orders (and stock, and money nobody owns) count
        Set<String> own = orderIdsOf(f.sut(), f.mix().customers());
        List<String> violations = Invariants.of(f.sut()).violations().stream()
                .filter(v -> orderIdIn(v) == null || own.contains(orderIdIn(v)) || v.contains("does not have")).toList();
        if (!violations.isEmpty()) {
            problems.add(violations.size() + " invariant violation(s):\n      "
                    + String.join("\n      ", violations.subList(0, Math.min(15, violations.size())))
                    + (violations.size() > 15 ? "\n      ..." : ""));
            violations.stream().map(FaultToleranceIT::orderIdIn).filter(java.util.Objects::nonNull).distinct().limit(2)
                    .forEach(id -> System.out.printf("[fault] %s: timeline of order %s: %s%n", scenario, id,
                            timeline(f.url(), id)));
        }

        List<Burst.Outcome> afterBack = outcomes.stream()
                .filter(o -> o.begun() != null && !o.begun().isBefore(f.back())).toList();
        System.out.printf("[fault] %s: orders run %d (answered before the fault %d, placed after it was back %d), "
                + "orders in the database %d%n", scenario, outcomes.size(), f.answeredAtFault(), afterBack.size(), ordersInDb);
        System.out.printf("[fault] %s: answers %s%n", scenario, Burst.count(outcomes, Burst.Outcome::summary));
        System.out.printf("[fault] %s: answers to orders placed after it was back %s%n", scenario,
                Burst.count(afterBack, Burst.Outcome::summary));
        System.out.printf("[fault] %s: final order statuses %s%n", scenario,
                finals.values().stream().collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting())));
        System.out.printf("[fault] %s: clients that lost a connection %d (%d failures), got 409 %d, got 202 %d; slowest client %.1f s%n",
                scenario, outcomes.stream().filter(o -> o.connectionFailures() > 0).count(),
                outcomes.stream().mapToInt(Burst.Outcome::connectionFailures).sum(),
                outcomes.stream().filter(o -> o.inUse() > 0).count(),
                outcomes.stream().filter(o -> o.accepted() > 0).count(),
                outcomes.stream().mapToLong(o -> o.took().toMillis()).max().orElse(0) / 1000.0);
        System.out.printf("[fault] %s: back %.1f s after the fault; PENDING then %d; max settlement time after it was back %s; "
                        + "no order PENDING (observed, after the clients finished) %s%n", scenario,
                secondsBetween(f.faultAt(), f.back()), f.pendingAtBack().size(),
                f.pendingAtBack().isEmpty() ? "-" : lastSettled == null ? "NOT SETTLED"
                        : String.format("%.1f s", Math.max(0, Duration.between(f.back(), lastSettled).toMillis()) / 1000.0),
                noPendingAfter.map(d -> String.format("%.1f s after it was back", d.toMillis() / 1000.0))
                        .orElse("NOT within " + SETTLE_WITHIN.toSeconds() + " s"));
        return problems;
    }

    private static String orderIdIn(String violation) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("order ([0-9a-f-]{36})").matcher(violation);
        return m.find() ? m.group(1) : null;
    }

    /** The order's events as one line: {@code step outcome (detail) @ms since the first}, for a failure report. */
    private static String timeline(String url, String orderId) {
        try {
            HttpResponse<String> read = Http.get(url + "/api/v1/orders/" + orderId + "/events");
            if (read.statusCode() != 200) {
                return "(GET events: " + read.statusCode() + ")";
            }
            JsonNode events = Http.json(read);
            Instant first = events.isEmpty() ? null : Instant.parse(events.get(0).path("at").asText());
            List<String> lines = new ArrayList<>();
            events.forEach(e -> lines.add(e.path("step").asText() + " " + e.path("outcome").asText()
                    + (e.path("detail").isMissingNode() || e.path("detail").isNull() ? "" : " (" + e.path("detail").asText() + ")")
                    + " @" + Duration.between(first, Instant.parse(e.path("at").asText())).toMillis() + "ms"));
            return String.join(" | ", lines);
        } catch (RuntimeException e) {
            return "(no timeline: " + e + ")";
        }
    }

    /** After it all: a new order is confirmed within 30 s, retrying its key (a FAILED order is placed again). */
    private static String worksAgain(String url, Mix mix) {
        String key = "after-" + UUID.randomUUID();
        String body = Shop.order(mix.customers().get(0), mix.plentiful(), 1);
        Instant deadline = Instant.now().plusSeconds(30);
        String last = "";
        do {
            try {
                HttpResponse<String> answer = Http.post(url + "/api/v1/orders", body, "Idempotency-Key", key);
                if (answer.statusCode() == 201) {
                    return null;
                }
                last = answer.statusCode() + " " + answer.body();
                if (answer.statusCode() == 422) {
                    break;
                }
            } catch (RuntimeException e) {
                last = e.toString();
            }
            sleep(500);
        } while (Instant.now().isBefore(deadline));
        return "a new order is not confirmed within 30 s of the end: " + last;
    }

    private static void assertNoProblems(String scenario, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(scenario + ":\n  - " + String.join("\n  - ", problems));
        }
    }

    // --- the orders ------------------------------------------------------------------------------

    /** A scenario's shop: its customers, a product with plenty of stock, and the i-th order its clients place. */
    private record Mix(List<String> customers, String plentiful, IntFunction<String> body) {
    }

    /**
     * A shop's mix: mostly plentiful products (some orders of two lines), one scarce product (so some orders
     * are REJECTED for stock) and one above the payment limit (so some are declined).
     */
    private static Mix mixedOrders(Shop shop) {
        List<String> customers = List.of(shop.customer(), shop.customer(), shop.customer(), shop.customer());
        List<String> plenty = List.of(shop.product("9.99", 100_000), shop.product("25.00", 100_000),
                shop.product("4.50", 100_000));
        String scarce = shop.product("12.00", SCARCE_UNITS);
        String luxury = shop.product("1500.00", 100_000);
        return new Mix(customers, plenty.get(0), i -> {
            String customer = customers.get(i % customers.size());
            Map<String, Integer> items = new LinkedHashMap<>();
            switch (i % 12) {
                case 0 -> items.put(scarce, 1);
                case 1 -> items.put(luxury, 1);
                case 2 -> {
                    items.put(plenty.get(0), 2);
                    items.put(plenty.get(1), 1);
                }
                case 3 -> {
                    items.put(plenty.get(2), 1);
                    items.put(scarce, 1);
                }
                default -> items.put(plenty.get(i % 3), 1 + i % 4);
            }
            return order(customer, items);
        });
    }

    private static String order(String customerId, Map<String, Integer> items) {
        return "{\"customerId\":\"" + customerId + "\",\"items\":[" + items.entrySet().stream()
                .map(e -> "{\"sku\":\"" + e.getKey() + "\",\"quantity\":" + e.getValue() + "}")
                .collect(Collectors.joining(",")) + "]}";
    }

    // --- reading the outcome -----------------------------------------------------------------------

    /** Polls {@code GET /orders?status=PENDING} until it is empty; the time since {@code from}, or empty at the deadline. */
    private static Optional<Duration> awaitNoPending(String url, Instant from, Duration within) {
        Instant deadline = from.plus(within);
        do {
            try {
                HttpResponse<String> pending = Http.get(url + "/api/v1/orders?status=PENDING&size=100");
                if (pending.statusCode() == 200 && Http.json(pending).isEmpty()) {
                    return Optional.of(Duration.between(from, Instant.now()));
                }
            } catch (RuntimeException notUpOrNotJson) {
                // ask again
            }
            sleep(250);
        } while (Instant.now().isBefore(deadline));
        return Optional.empty();
    }

    private static String pendingSample(String url) {
        try {
            JsonNode pending = Http.json(Http.get(url + "/api/v1/orders?status=PENDING&size=3"));
            List<String> sample = new ArrayList<>();
            pending.forEach(o -> sample.add(o.path("id").asText() + " failureReason=" + o.path("failureReason").asText()
                    + " updatedAt=" + o.path("updatedAt").asText()));
            return sample.toString();
        } catch (RuntimeException e) {
            return "(cannot list: " + e.getMessage() + ")";
        }
    }

    /** Every order id a client learned, with its status now (GET /orders/{id}); problems for those not final. */
    private static Map<String, String> finalStatuses(String url, List<Burst.Outcome> outcomes, List<String> problems) {
        Map<String, String> statuses = new HashMap<>();
        List<String> notFinal = new ArrayList<>();
        for (Burst.Outcome o : outcomes) {
            for (String id : o.orderIdsSeen()) {
                if (statuses.containsKey(id)) {
                    continue;
                }
                String status;
                try {
                    HttpResponse<String> read = Http.get(url + "/api/v1/orders/" + id);
                    status = read.statusCode() == 200 ? Http.json(read).path("status").asText() : "HTTP " + read.statusCode();
                } catch (RuntimeException e) {
                    status = "unreadable: " + e.getMessage();
                }
                statuses.put(id, status);
                if (!Burst.FINAL_STATUSES.contains(status)) {
                    notFinal.add(id + " " + status);
                }
            }
        }
        if (!notFinal.isEmpty()) {
            problems.add(notFinal.size() + " order(s) the clients learned are not in a final state, e.g. "
                    + notFinal.subList(0, Math.min(3, notFinal.size())));
        }
        return statuses;
    }

    private static String awaitFinal(String url, String orderId, Duration within) {
        Instant deadline = Instant.now().plus(within);
        String status;
        do {
            status = Http.json(Http.get(url + "/api/v1/orders/" + orderId)).path("status").asText();
            if (!"PENDING".equals(status)) {
                return status;
            }
            sleep(250);
        } while (Instant.now().isBefore(deadline));
        return status;
    }

    /** At most one payment per (order, attempt), and no more payments for an order than it had attempts. */
    private static List<String> paymentsPerAttempt(SystemUnderTest sut) {
        List<String> problems = new ArrayList<>();
        query(sut.databaseName(Service.PAYMENT), """
                SELECT order_id, attempt, count(*) AS n FROM payment GROUP BY order_id, attempt HAVING count(*) > 1""",
                rs -> problems.add("order " + rs.getString("order_id") + " attempt " + rs.getInt("attempt") + " has "
                        + rs.getLong("n") + " payments"));
        Map<String, Integer> attempts = new HashMap<>();
        query(sut.databaseName(Service.ORDER), "SELECT id, attempt FROM orders",
                rs -> attempts.put(rs.getString("id").toLowerCase(), rs.getInt("attempt")));
        query(sut.databaseName(Service.PAYMENT), "SELECT order_id, count(*) AS n FROM payment GROUP BY order_id", rs -> {
            String id = rs.getString("order_id").toLowerCase();
            long n = rs.getLong("n");
            if (n > attempts.getOrDefault(id, 0)) {
                problems.add("order " + id + " has " + n + " payments for " + attempts.getOrDefault(id, 0) + " attempt(s)");
            }
        });
        return problems;
    }

    private static List<String> pendingOrderIds(SystemUnderTest sut) {
        List<String> ids = new ArrayList<>();
        query(sut.databaseName(Service.ORDER), "SELECT id FROM orders WHERE status = 'PENDING'",
                rs -> ids.add(rs.getString("id")));
        return ids;
    }

    private static long ordersOf(SystemUnderTest sut, List<String> customers) {
        return orderIdsOf(sut, customers).size();
    }

    private static Set<String> orderIdsOf(SystemUnderTest sut, List<String> customers) {
        Set<String> ids = new HashSet<>();
        byCustomers(sut.databaseName(Service.ORDER), "SELECT id FROM orders WHERE customer_id::text = ANY (?)",
                customers, rs -> ids.add(rs.getString(1).toLowerCase()));
        return ids;
    }

    private static Map<String, Long> paymentsByStatus(SystemUnderTest sut, List<String> customers) {
        Map<String, Long> byStatus = new TreeMap<>();
        byCustomers(sut.databaseName(Service.PAYMENT),
                "SELECT status, count(*) FROM payment WHERE customer_id::text = ANY (?) GROUP BY status", customers,
                rs -> byStatus.put(rs.getString(1), rs.getLong(2)));
        return byStatus;
    }

    private static void byCustomers(String database, String sql, List<String> customers, Row row) {
        try (Connection c = Postgres.connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", customers.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + database + ": " + e.getMessage(), e);
        }
    }

    private static long countPending(SystemUnderTest sut) {
        return count(sut.databaseName(Service.ORDER), "SELECT count(*) FROM orders WHERE status = 'PENDING'");
    }

    /** The latest updated_at of these orders once none of them is PENDING; null when there are none or one still is. */
    private static Instant lastUpdate(SystemUnderTest sut, List<String> orderIds) {
        if (orderIds.isEmpty()) {
            return null;
        }
        try (Connection c = Postgres.connect(sut.databaseName(Service.ORDER));
             PreparedStatement s = c.prepareStatement("""
                     SELECT max(updated_at), count(*) FILTER (WHERE status = 'PENDING')
                     FROM orders WHERE id::text = ANY (?)""")) {
            s.setArray(1, c.createArrayOf("text", orderIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Timestamp last = rs.getTimestamp(1);
                return rs.getLong(2) > 0 || last == null ? null : last.toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String database, String sql) {
        long[] n = {0};
        query(database, sql, rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    private static void query(String database, String sql, Row row) {
        try (Connection c = Postgres.connect(database); var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                row.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + database + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    // --- plumbing --------------------------------------------------------------------------------

    private static synchronized SystemUnderTest lateAnswers() {
        if (lateAnswers == null) {
            lateAnswers = SystemUnderTest.builder()
                    .env(Service.PAYMENT, "PAYMENT_DELAY_AFTER_COMMIT", "2s")
                    .env(Service.ORDER, "PAYMENT_READ_TIMEOUT", "500ms")
                    .env(Service.ORDER, "RETRY_MAX_ATTEMPTS", "2")
                    .start();
        }
        return lateAnswers;
    }

    private static synchronized SystemUnderTest twoInstances() {
        if (twoInstances == null) {
            twoInstances = SystemUnderTest.builder().start();
            twoInstances.startSecondOrderInstance();
        }
        return twoInstances;
    }
    private static double secondsBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
