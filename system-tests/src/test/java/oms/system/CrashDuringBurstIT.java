package oms.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static oms.system.FaultReport.SETTLE_WITHIN;
import static oms.system.FaultReport.secondsBetween;

/**
 * kill -9 of a service in the middle of a burst of orders, then its restart: no order is PENDING a
 * minute later, every answer a client got matches the order's final state, and the invariants across
 * the inventory, payment and order databases hold. Each scenario runs on a system of its own (a stuck
 * order of one must not fail the next). All traffic goes to 127.0.0.1; every loop is bounded.
 */
class CrashDuringBurstIT {

    private static final int BURST_ORDERS = 240;
    private static final int BURST_CLIENTS = 16;
    private static final int ORDERS_AFTER_RESTART = 60;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void killOrderServiceDuringABurst() {
        crashDuringBurst("a (kill -9 order-service)", Service.ORDER);
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void killPaymentServiceDuringABurst() {
        crashDuringBurst("b (kill -9 payment-service)", Service.PAYMENT);
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void killInventoryServiceDuringABurst() {
        crashDuringBurst("c (kill -9 inventory-service)", Service.INVENTORY);
    }

    /**
     * {@value #BURST_ORDERS} orders from {@value #BURST_CLIENTS} clients; the victim is killed once a third are
     * answered and started again at once; the burst goes on until at least {@value #ORDERS_AFTER_RESTART}
     * orders were placed after the victim was back.
     */
    private static void crashDuringBurst(String scenario, Service victim) {
        try (SystemUnderTest sut = SystemUnderTest.builder().start()) {
            OrderMix mix = OrderMix.mixed(new Shop(sut));
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
                List<String> pendingAtRestart = new OrderDatabase(sut).pendingOrderIds();
                burst.atLeast(ORDERS_AFTER_RESTART);
                burst.deadline(restarted.plus(SETTLE_WITHIN));
                List<Burst.Outcome> outcomes = burst.await(restarted.plus(SETTLE_WITHIN).plusSeconds(5));
                List<String> problems = new FaultReport(scenario, sut, url, mix, outcomes, answeredAtKill,
                        killedAt, restarted, pendingAtRestart).settleAndCheck();
                String stillWorks = OrderPolling.worksAgain(url, mix);
                if (stillWorks != null) {
                    problems.add(stillWorks);
                }
                FaultReport.assertNoProblems(scenario, problems);
            }
        }
    }
}
