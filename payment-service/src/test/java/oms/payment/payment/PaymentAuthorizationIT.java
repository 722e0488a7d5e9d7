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

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static oms.payment.payment.PaymentCalls.PAYMENTS;
import static oms.payment.payment.PaymentCalls.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class PaymentAuthorizationIT extends TestDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    private PaymentCalls api;
    private final UUID customerId = UUID.randomUUID();

    @BeforeAll
    void setUp() {
        api = new PaymentCalls(http);
    }

    @Test
    void authorizesAmountBelowTheLimit() {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> payment = api.created(request(orderId, customerId, "149.90"));
        assertEquals("AUTHORIZED", payment.get("status"));
        assertNull(payment.get("declineReason"));
        assertEquals(orderId.toString(), payment.get("orderId"));
        assertEquals(customerId.toString(), payment.get("customerId"));
        assertEquals(1, payment.get("attempt"));
        assertEquals("USD", payment.get("currency"));
        assertNotNull(payment.get("createdAt"));
        assertEquals(payment, api.get(payment.get("id")));
    }

    @Test
    void declinesAmountAboveTheLimitButStoresIt() {
        Map<String, Object> payment = api.created(request(UUID.randomUUID(), customerId, "1000.01"));
        assertEquals("DECLINED", payment.get("status"));
        assertEquals("LIMIT_EXCEEDED", payment.get("declineReason"));
        assertEquals("DECLINED", api.get(payment.get("id")).get("status"));
    }

    @Test
    void authorizesAmountExactlyAtTheLimit() {
        assertEquals("AUTHORIZED", api.created(request(UUID.randomUUID(), customerId, "1000.00")).get("status"));
    }

    @Test
    void repeatedRequestAnswersTheSamePaymentWith200() {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> first = api.created(request(orderId, customerId, "20.50"));
        // 20.5 is the same money as 20.50: amounts compare by value, not by scale.
        HttpResponse<Map<String, Object>> again = api.authorize(request(orderId, customerId, "20.5"));
        assertEquals(HttpStatus.OK, again.getStatus());
        assertEquals(first, again.body());
        assertEquals(1, scalar("SELECT count(*) FROM payment WHERE order_id = ?", orderId));
    }

    @Test
    void repeatedDeclinedRequestAnswersTheSameDecline() {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> first = api.created(request(orderId, customerId, "5000.00"));
        HttpResponse<Map<String, Object>> again = api.authorize(request(orderId, customerId, "5000.00"));
        assertEquals(HttpStatus.OK, again.getStatus());
        assertEquals(first.get("id"), again.body().get("id"));
        assertEquals("DECLINED", again.body().get("status"));
    }

    @Test
    void rejectsSameOrderWithAnotherAmountOrCustomer() {
        UUID orderId = UUID.randomUUID();
        api.created(request(orderId, customerId, "30.00"));
        Map<String, Object> otherAmount = api.problem(HttpRequest.POST(PAYMENTS, request(orderId, customerId, "30.01")),
                HttpStatus.UNPROCESSABLE_ENTITY);
        assertEquals("PAYMENT_MISMATCH", otherAmount.get("code"));
        Map<String, Object> otherCustomer = api.problem(HttpRequest.POST(PAYMENTS, request(orderId, UUID.randomUUID(), "30.00")),
                HttpStatus.UNPROCESSABLE_ENTITY);
        assertEquals("PAYMENT_MISMATCH", otherCustomer.get("code"));
        assertEquals(1, scalar("SELECT count(*) FROM payment WHERE order_id = ?", orderId));
    }

    @Test
    void newAttemptOfAnOrderGetsAFreshPayment() {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> first = api.created(request(orderId, customerId, "40.00"));
        Map<String, Object> body = request(orderId, customerId, "45.00");
        body.put("attempt", 2);
        Map<String, Object> second = api.created(body);
        assertNotEquals(first.get("id"), second.get("id"));
        assertEquals(2, second.get("attempt"));
        List<Map<String, Object>> listed = api.list("?orderId=" + orderId);
        assertEquals(List.of(first.get("id"), second.get("id")), listed.stream().map(p -> p.get("id")).toList());
    }

    @Test
    void rejectsAnotherCurrencyThanTheShops() {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> body = request(orderId, customerId, "10.00");
        body.put("currency", "EUR");
        assertEquals("CURRENCY_NOT_SUPPORTED", api.problem(HttpRequest.POST(PAYMENTS, body), HttpStatus.UNPROCESSABLE_ENTITY).get("code"));
        assertEquals(0, scalar("SELECT count(*) FROM payment WHERE order_id = ?", orderId));
    }
}
