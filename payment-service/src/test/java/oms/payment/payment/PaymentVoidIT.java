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
import java.util.Map;
import java.util.UUID;

import static oms.payment.payment.PaymentCalls.PAYMENTS;
import static oms.payment.payment.PaymentCalls.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class PaymentVoidIT extends TestDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    private PaymentCalls api;

    @BeforeAll
    void setUp() {
        api = new PaymentCalls(http);
    }

    private Map<String, Object> payment(String amount) {
        return api.created(request(UUID.randomUUID(), UUID.randomUUID(), amount));
    }

    @Test
    void voidsAnAuthorizedPayment() {
        Map<String, Object> authorized = payment("75.00");
        HttpResponse<Map<String, Object>> response = api.voidPayment(authorized.get("id"));
        assertEquals(HttpStatus.OK, response.getStatus());
        Map<String, Object> voided = response.body();
        assertEquals("VOIDED", voided.get("status"));
        assertEquals(authorized.get("amount"), voided.get("amount"));
        assertEquals(authorized.get("createdAt"), voided.get("createdAt"));
        assertTrue(Instant.parse((String) voided.get("updatedAt")).isAfter(Instant.parse((String) authorized.get("updatedAt"))));
        assertEquals(voided, api.get(authorized.get("id")));
    }

    @Test
    void voidingTwiceIsANoOp() {
        Map<String, Object> authorized = payment("76.00");
        Map<String, Object> first = api.voidPayment(authorized.get("id")).body();
        HttpResponse<Map<String, Object>> second = api.voidPayment(authorized.get("id"));
        assertEquals(HttpStatus.OK, second.getStatus());
        assertEquals(first, second.body());
    }

    @Test
    void refusesToVoidADeclinedPayment() {
        Map<String, Object> declined = payment("1500.00");
        Map<String, Object> problem = api.problem(HttpRequest.POST(PAYMENTS + "/" + declined.get("id") + "/void", ""),
                HttpStatus.CONFLICT);
        assertEquals("PAYMENT_NOT_VOIDABLE", problem.get("code"));
        assertEquals("DECLINED", api.get(declined.get("id")).get("status"));
    }

    @Test
    void answersVoidOfMissingPaymentWith404() {
        Map<String, Object> problem = api.problem(HttpRequest.POST(PAYMENTS + "/" + UUID.randomUUID() + "/void", ""),
                HttpStatus.NOT_FOUND);
        assertEquals("PAYMENT_NOT_FOUND", problem.get("code"));
    }

    @Test
    void repeatingTheAuthorizeOfAVoidedPaymentAnswersItVoided() {
        UUID orderId = UUID.randomUUID();
        UUID customerId = UUID.randomUUID();
        Map<String, Object> authorized = api.created(request(orderId, customerId, "77.00"));
        api.voidPayment(authorized.get("id"));
        HttpResponse<Map<String, Object>> again = api.authorize(request(orderId, customerId, "77.00"));
        assertEquals(HttpStatus.OK, again.getStatus());
        assertEquals("VOIDED", again.body().get("status"));
    }
}
