package oms.inventory;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Calls the running service the way an outside client does: over HTTP, with JSON as plain maps. */
public record Api(BlockingHttpClient client) {

    public static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);
    private static final String PROBLEM_JSON = "application/problem+json";

    public Map<String, Object> expect(HttpStatus status, HttpRequest<?> request) {
        HttpResponse<Map<String, Object>> response = client.exchange(request, JSON);
        assertEquals(status, response.getStatus(), () -> "for " + request.getMethod() + " " + request.getPath());
        return response.body();
    }

    public HttpResponse<Map<String, Object>> exchange(HttpRequest<?> request) {
        return client.exchange(request, JSON);
    }

    public Map<String, Object> get(String uri) {
        return expect(HttpStatus.OK, HttpRequest.GET(uri));
    }

    public List<Map<String, Object>> list(String uri) {
        return client.retrieve(HttpRequest.GET(uri), Argument.listOf(JSON));
    }

    /** The status code of a request that may fail, for tests that count outcomes. */
    public int status(HttpRequest<?> request) {
        try {
            return client.exchange(request, JSON).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    /** Asserts the request fails with {@code expected} and a problem+json body, and returns that body. */
    public Map<String, Object> problem(HttpRequest<?> request, HttpStatus expected) {
        String what = request.getMethod() + " " + request.getUri();
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(request, JSON), () -> "expected " + expected + " for " + what);
        assertEquals(expected, e.getStatus(), () -> "for " + what + ": " + e.getResponse().getBody(String.class).orElse(""));
        assertEquals(PROBLEM_JSON, e.getResponse().getContentType().map(MediaType::toString).orElse(""), what);
        Map<String, Object> body = e.getResponse().getBody(JSON).orElseThrow();
        assertEquals(expected.getCode(), ((Number) body.get("status")).intValue());
        return body;
    }

    public Map<String, Object> createProduct(String sku, String unitPrice, int available) {
        return expect(HttpStatus.CREATED, HttpRequest.POST("/api/v1/products", Map.of("sku", sku,
                "name", "Product " + sku, "unitPrice", new BigDecimal(unitPrice), "available", available)));
    }

    /** Two new products whose skus sort in the order returned, so the first is locked and held before the second. */
    public List<String> twoProducts(int firstStock, int secondStock) {
        String prefix = "R" + UUID.randomUUID().toString().substring(0, 8);
        createProduct(prefix + "-A", "10.00", firstStock);
        createProduct(prefix + "-B", "2.50", secondStock);
        return List.of(prefix + "-A", prefix + "-B");
    }

    /** Reservation lines in the order given. */
    public static Map<String, Integer> items(String sku1, int q1, String sku2, int q2) {
        Map<String, Integer> items = new LinkedHashMap<>();
        items.put(sku1, q1);
        items.put(sku2, q2);
        return items;
    }

    public static String action(Object reservationId, String action) {
        return "/api/v1/reservations/" + reservationId + "/" + action;
    }

    public static HttpRequest<?> reserve(UUID orderId, Map<String, Integer> items) {
        return HttpRequest.POST("/api/v1/reservations", Map.of("orderId", orderId, "items", lines(items)));
    }

    public static HttpRequest<?> reserve(UUID orderId, int attempt, Map<String, Integer> items) {
        return HttpRequest.POST("/api/v1/reservations", Map.of("orderId", orderId, "attempt", attempt, "items", lines(items)));
    }

    /** "This order attempt must hold no stock": releases its reservation or takes its key first. */
    public static HttpRequest<?> releaseAttempt(UUID orderId, int attempt) {
        return HttpRequest.POST("/api/v1/reservations/releases", Map.of("orderId", orderId, "attempt", attempt));
    }

    /** The same for attempt 1, left to the server's default. */
    public static HttpRequest<?> releaseAttempt(UUID orderId) {
        return HttpRequest.POST("/api/v1/reservations/releases", Map.of("orderId", orderId));
    }

    private static List<Map<String, Object>> lines(Map<String, Integer> items) {
        return items.entrySet().stream()
                .map(e -> Map.<String, Object>of("sku", e.getKey(), "quantity", e.getValue())).toList();
    }
}
