package oms.payment.payment;

import io.micronaut.http.HttpRequest;
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
import static oms.payment.payment.PaymentCalls.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class PaymentReadIT extends TestDatabase {

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
    void answersAmountAsNumberWithTwoDecimals() {
        Map<String, Object> payment = api.created(request(UUID.randomUUID(), customerId, "12.5"));
        String json = api.raw(HttpRequest.GET(PAYMENTS + "/" + payment.get("id")));
        assertTrue(json.contains("\"amount\":12.50"), json);
        assertTrue(json.contains("\"declineReason\":null"), json);
    }

    @Test
    void listsAllPaymentsPagedOldestFirst() {
        for (int i = 0; i < 3; i++) {
            api.created(request(UUID.randomUUID(), customerId, "1.00"));
        }
        List<Map<String, Object>> all = api.list("?size=100");
        assertTrue(all.size() >= 3);
        assertEquals(all.subList(0, 2), api.list("?page=0&size=2"));
        assertEquals(all.subList(2, 3), api.list("?page=2&size=1"));
        List<Instant> created = all.stream().map(p -> Instant.parse((String) p.get("createdAt"))).toList();
        assertEquals(created.stream().sorted().toList(), created);
    }

    @Test
    void answersMissingPaymentWith404() {
        Map<String, Object> body = api.problem(HttpRequest.GET(PAYMENTS + "/" + UUID.randomUUID()), HttpStatus.NOT_FOUND);
        assertEquals("PAYMENT_NOT_FOUND", body.get("code"));
        assertTrue(api.list("?orderId=" + UUID.randomUUID()).isEmpty());
    }
}
