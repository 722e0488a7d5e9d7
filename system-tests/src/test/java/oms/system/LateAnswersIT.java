package oms.system;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Payment answers 2 s after it committed while order-service waits 500 ms (2 tries): the payment is
 * neither lost nor taken twice. Both scenarios share one system and check their own orders.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LateAnswersIT {

    @AutoClose
    private static SystemUnderTest sut;

    @BeforeAll
    static void start() {
        sut = SystemUnderTest.builder()
                .env(Service.PAYMENT, "PAYMENT_DELAY_AFTER_COMMIT", "2s")
                .env(Service.ORDER, "PAYMENT_READ_TIMEOUT", "500ms")
                .env(Service.ORDER, "RETRY_MAX_ATTEMPTS", "2")
                .start();
    }


    @Test
    @Order(1)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void paymentThatAnswersAfterTheReadTimeoutIsNeitherLostNorTakenTwice() {
        lateAnswerScenario("d (payment answers 2 s after commit, read timeout 500 ms, 2 tries)",
                sut.url(Service.ORDER), 20, 5);
    }

    /**
     * d's late answers, on a second order-service instance whose payment breaker opens at the first failure
     * (window 1): the first try times out (the payment is committed), and the retry is refused by the open
     * breaker. The order must not end FAILED with the payment still AUTHORIZED: an earlier try may have
     * reached payment, so the outcome is still unknown, whatever the last try says.
     */
    @Test
    @Order(2)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void lateAnswerFollowedByAnOpenBreakerIsStillAnUnknownOutcome() {
        String url = sut.startSecondOrderInstance(Map.of("BREAKER_WINDOW", "1", "BREAKER_MIN_CALLS", "1",
                "BREAKER_OPEN_FOR", "1s"));
        lateAnswerScenario("d2 (late payment answer, then the breaker opens before the retry)", url, 3, 1);
    }

    private static void lateAnswerScenario(String scenario, String url, int orders, int clients) {
        OrderMix mix = OrderMix.single(new Shop(sut));
        OrderDatabase db = new OrderDatabase(sut);
        List<Burst.Outcome> outcomes;
        Instant done;
        try (Burst burst = new Burst(List.of(url), clients, Duration.ofSeconds(90))) {
            burst.start(mix.body(), orders);
            outcomes = burst.await(Instant.now().plusSeconds(95));
            done = Instant.now();
        }
        List<String> problems = new FaultReport(scenario, sut, url, mix, outcomes, outcomes.size(), done,
                done, db.pendingOrderIds()).settleAndCheck();
        problems.addAll(db.paymentsPerAttempt());
        // a late payment is either found and kept (CONFIRMED) or voided (FAILED); the amount is under the limit
        OrderPolling.finalStatuses(url, outcomes, new ArrayList<>()).forEach((id, status) -> {
            if (!status.equals("CONFIRMED") && !status.equals("FAILED")) {
                problems.add("order " + id + " is " + status + ", expected CONFIRMED or FAILED");
            }
        });
        System.out.printf("[fault] %s: payments by status %s%n", scenario, db.paymentsByStatus(mix.customers()));
        FaultReport.assertNoProblems(scenario, problems);
    }
}
