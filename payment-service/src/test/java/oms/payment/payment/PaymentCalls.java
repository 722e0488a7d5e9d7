package oms.payment.payment;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The payment API as the tests call it: through real HTTP, answers as plain JSON maps. */
final class PaymentCalls {

    static final String PAYMENTS = "/api/v1/payments";
    static final String VOIDS = PAYMENTS + "/voids";
    static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    private final BlockingHttpClient client;

    PaymentCalls(HttpClient http) {
        this.client = http.toBlocking();
    }

    static Map<String, Object> request(UUID orderId, UUID customerId, String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("orderId", orderId);
        body.put("customerId", customerId);
        body.put("amount", new BigDecimal(amount));
        body.put("currency", "USD");
        return body;
    }

    static HttpRequest<String> rawPost(String path, String json) {
        return HttpRequest.POST(path, json).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    HttpResponse<Map<String, Object>> authorize(Map<String, Object> body) {
        return client.exchange(HttpRequest.POST(PAYMENTS, body), JSON);
    }

    /** Authorizes a new payment and checks the 201 with its Location. */
    Map<String, Object> created(Map<String, Object> body) {
        HttpResponse<Map<String, Object>> response = authorize(body);
        assertEquals(HttpStatus.CREATED, response.getStatus());
        assertEquals(PAYMENTS + "/" + response.body().get("id"), response.header("Location"));
        return response.body();
    }

    HttpResponse<Map<String, Object>> voidPayment(Object id) {
        return client.exchange(HttpRequest.POST(PAYMENTS + "/" + id + "/void", ""), JSON);
    }

    /** Void by (orderId, attempt): the body is an authorize request's. */
    HttpResponse<Map<String, Object>> voidAttempt(Map<String, Object> body) {
        return client.exchange(HttpRequest.POST(VOIDS, body), JSON);
    }

    Map<String, Object> get(Object id) {
        return client.retrieve(HttpRequest.GET(PAYMENTS + "/" + id), JSON);
    }

    List<Map<String, Object>> list(String query) {
        return client.retrieve(HttpRequest.GET(PAYMENTS + query), Argument.listOf(JSON));
    }

    String raw(HttpRequest<?> request) {
        return client.retrieve(request, String.class);
    }

    /** The status of any answer, success or error, for tests that only count outcomes. */
    int status(HttpRequest<?> request) {
        try {
            return client.exchange(request, JSON).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    /** Expects an error answer and returns its problem document after checking its shape. */
    Map<String, Object> problem(HttpRequest<?> request, HttpStatus expected) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(request, JSON), () -> "expected " + expected + " for " + request);
        assertEquals(expected, e.getStatus(), () -> "for " + request + ": " + e.getResponse().getBody(String.class));
        assertEquals("application/problem+json",
                e.getResponse().getContentType().map(MediaType::toString).orElse(""));
        Map<String, Object> body = e.getResponse().getBody(JSON).orElseThrow();
        assertEquals(expected.getCode(), ((Number) body.get("status")).intValue());
        return body;
    }
}
