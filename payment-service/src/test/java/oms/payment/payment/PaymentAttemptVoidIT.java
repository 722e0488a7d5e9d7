package oms.payment.payment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import oms.chassis.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static oms.payment.payment.PaymentCalls.PAYMENTS;
import static oms.payment.payment.PaymentCalls.VOIDS;
import static oms.payment.payment.PaymentCalls.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /payments/voids: no authorization of an (orderId, attempt) stands afterwards, whatever came first. */
@MicronautTest
class PaymentAttemptVoidIT extends TestDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    private PaymentCalls api;
    private final UUID customerId = UUID.randomUUID();

    @BeforeAll
    void setUp() {
        api = new PaymentCalls(http);
    }

    private long rows(UUID orderId) {
        return scalar("SELECT count(*) FROM payment WHERE order_id = ?", orderId);
    }

    private long rows(UUID orderId, String status) {
        return scalar("SELECT count(*) FROM payment WHERE order_id = ? AND status = ?", orderId, status);
    }

    @Test
    void voidOfAnAttemptWithoutPaymentLeavesATombstoneThatBlocksTheAuthorize() {
        UUID orderId = UUID.randomUUID();
        HttpResponse<Map<String, Object>> response = api.voidAttempt(request(orderId, customerId, "60.00"));
        assertEquals(HttpStatus.CREATED, response.getStatus());
        Map<String, Object> tombstone = response.body();
        assertEquals(PAYMENTS + "/" + tombstone.get("id"), response.header("Location"));
        assertEquals("VOIDED", tombstone.get("status"));
        assertNull(tombstone.get("declineReason"));
        assertEquals(orderId.toString(), tombstone.get("orderId"));
        assertEquals(1, tombstone.get("attempt"));
        assertEquals(customerId.toString(), tombstone.get("customerId"));
        assertEquals(60.0, ((Number) tombstone.get("amount")).doubleValue());
        assertEquals(tombstone, api.get(tombstone.get("id")));

        // The late authorize of the same attempt and amount (60 is 60.00) finds the tombstone: 200, VOIDED.
        HttpResponse<Map<String, Object>> late = api.authorize(request(orderId, customerId, "60"));
        assertEquals(HttpStatus.OK, late.getStatus());
        assertEquals(tombstone, late.body());

        Map<String, Object> mismatch = api.problem(HttpRequest.POST(PAYMENTS, request(orderId, customerId, "61.00")),
                HttpStatus.UNPROCESSABLE_ENTITY);
        assertEquals("PAYMENT_MISMATCH", mismatch.get("code"));

        assertEquals(1, rows(orderId));
        assertEquals(1, rows(orderId, "VOIDED"));
        assertEquals(List.of(tombstone), api.list("?orderId=" + orderId));
    }

    @Test
    void tombstoneIsPerAttempt() {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> second = request(orderId, customerId, "62.00");
        second.put("attempt", 2);
        assertEquals(HttpStatus.CREATED, api.voidAttempt(second).getStatus());
        // attempt 1 (the default) is another payment and is not blocked
        assertEquals("AUTHORIZED", api.created(request(orderId, customerId, "62.00")).get("status"));
        assertEquals(2, api.authorize(second).body().get("attempt"));
        assertEquals("VOIDED", api.authorize(second).body().get("status"));
    }

    @Test
    void voidsAnAuthorizedPaymentOfTheAttemptAndRepeatsAsANoOp() {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> authorized = api.created(request(orderId, customerId, "63.00"));
        assertEquals("AUTHORIZED", authorized.get("status"));

        HttpResponse<Map<String, Object>> first = api.voidAttempt(request(orderId, customerId, "63.00"));
        assertEquals(HttpStatus.OK, first.getStatus());
        assertEquals("VOIDED", first.body().get("status"));
        assertEquals(authorized.get("id"), first.body().get("id"));
        assertEquals(authorized.get("createdAt"), first.body().get("createdAt"));
        assertTrue(Instant.parse((String) first.body().get("updatedAt"))
                .isAfter(Instant.parse((String) authorized.get("updatedAt"))));

        HttpResponse<Map<String, Object>> again = api.voidAttempt(request(orderId, customerId, "63.00"));
        assertEquals(HttpStatus.OK, again.getStatus());
        assertEquals(first.body(), again.body());
        assertEquals(first.body(), api.get(authorized.get("id")));
        assertEquals(1, rows(orderId));
    }

    @Test
    void leavesADeclinedPaymentAsItIsWith200() {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> declined = api.created(request(orderId, customerId, "1500.00"));
        assertEquals("DECLINED", declined.get("status"));
        HttpResponse<Map<String, Object>> response = api.voidAttempt(request(orderId, customerId, "1500.00"));
        assertEquals(HttpStatus.OK, response.getStatus());
        assertEquals(declined, response.body());
        assertEquals(declined, api.get(declined.get("id")));
    }

    @Test
    void voidsTheAttemptsPaymentByItsKeyEvenIfTheBodyDiffers() {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> authorized = api.created(request(orderId, customerId, "64.00"));
        HttpResponse<Map<String, Object>> response = api.voidAttempt(request(orderId, UUID.randomUUID(), "1.00"));
        assertEquals(HttpStatus.OK, response.getStatus());
        assertEquals(authorized.get("id"), response.body().get("id"));
        assertEquals("VOIDED", response.body().get("status"));
        assertEquals(64.0, ((Number) response.body().get("amount")).doubleValue());
    }

    @Test
    void voidByIdOfATombstoneIsANoOp() {
        Map<String, Object> tombstone = api.voidAttempt(request(UUID.randomUUID(), customerId, "65.00")).body();
        HttpResponse<Map<String, Object>> response = api.voidPayment(tombstone.get("id"));
        assertEquals(HttpStatus.OK, response.getStatus());
        assertEquals(tombstone, response.body());
    }

    @Test
    void aNewAttemptAfterATombstoneGetsAFreshAuthorization() {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> tombstone = api.voidAttempt(request(orderId, customerId, "66.00")).body();
        Map<String, Object> next = request(orderId, customerId, "66.00");
        next.put("attempt", 2);
        Map<String, Object> authorized = api.created(next);
        assertEquals("AUTHORIZED", authorized.get("status"));
        assertNotEquals(tombstone.get("id"), authorized.get("id"));
    }

    @Test
    void rejectsAnotherCurrencyThanTheShopsAndWritesNothing() {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> body = request(orderId, customerId, "10.00");
        body.put("currency", "EUR");
        assertEquals("CURRENCY_NOT_SUPPORTED",
                api.problem(HttpRequest.POST(VOIDS, body), HttpStatus.UNPROCESSABLE_ENTITY).get("code"));
        assertEquals(0, rows(orderId));
    }
}
