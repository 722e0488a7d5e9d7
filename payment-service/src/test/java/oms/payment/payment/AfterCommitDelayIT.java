package oms.payment.payment;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import oms.chassis.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static oms.payment.payment.PaymentCalls.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@Property(name = "payment.simulate.delay-after-commit", value = "2s")
class AfterCommitDelayIT extends TestDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void paymentIsCommittedBeforeTheDelayedAnswer() throws Exception {
        UUID orderId = UUID.randomUUID();
        PaymentCalls api = new PaymentCalls(http);
        CompletableFuture<HttpResponse<Map<String, Object>>> answer =
                CompletableFuture.supplyAsync(() -> api.authorize(request(orderId, UUID.randomUUID(), "10.00")));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (scalar("SELECT count(*) FROM payment WHERE order_id = ?", orderId) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, scalar("SELECT count(*) FROM payment WHERE order_id = ?", orderId));
        assertFalse(answer.isDone(), "the answer should still be held back");
        assertEquals(HttpStatus.CREATED, answer.get(10, TimeUnit.SECONDS).getStatus());
    }

    /** The delay is a fault of authorize only: the void a caller sends after giving up answers at once. */
    @Test
    void voidOfAnAttemptIsNotDelayed() {
        PaymentCalls api = new PaymentCalls(http);
        UUID orderId = UUID.randomUUID();
        long started = System.nanoTime();
        HttpResponse<Map<String, Object>> tombstone = api.voidAttempt(request(orderId, UUID.randomUUID(), "10.00"));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals(HttpStatus.CREATED, tombstone.getStatus());
        assertTrue(tookMillis < 1500, "void by attempt took " + tookMillis + " ms");
    }
}
