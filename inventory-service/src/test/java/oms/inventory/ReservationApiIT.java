package oms.inventory;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class ReservationApiIT extends TestDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    private Api api() {
        return new Api(http.toBlocking());
    }

    @Test
    void reservesStockAndMovesItFromAvailableToReserved() {
        List<String> skus = api().twoProducts(10, 5);
        UUID orderId = UUID.randomUUID();
        HttpResponse<Map<String, Object>> response = api().exchange(Api.reserve(orderId, Api.items(skus.get(0), 3, skus.get(1), 5)));
        assertEquals(HttpStatus.CREATED, response.getStatus());
        Map<String, Object> body = response.body();
        assertEquals("/api/v1/reservations/" + body.get("id"), response.header("Location"));
        assertEquals("HELD", body.get("status"));
        assertEquals(orderId.toString(), body.get("orderId"));
        assertEquals(1, body.get("attempt"));
        assertEquals("USD", body.get("currency"));
        Duration ttl = Duration.between(Instant.now(), Instant.parse((String) body.get("expiresAt")));
        assertTrue(ttl.compareTo(Duration.ofMinutes(9)) > 0 && ttl.compareTo(Duration.ofMinutes(11)) < 0, ttl::toString);
        List<?> lines = (List<?>) body.get("items");
        assertEquals(Map.of("sku", skus.get(0), "quantity", 3, "unitPrice", 10.00), lines.get(0));
        assertEquals(Map.of("sku", skus.get(1), "quantity", 5, "unitPrice", 2.50), lines.get(1));
        assertEquals(new Stock(7, 3, 10, 0), assertConserved(skus.get(0)));
        assertEquals(new Stock(0, 5, 5, 0), assertConserved(skus.get(1)));
        assertEquals(body, api().get("/api/v1/reservations/" + body.get("id")));
    }

    @Test
    void countsReservationsByOutcome() {
        List<String> skus = api().twoProducts(10, 1);
        String before = http.toBlocking().retrieve("/prometheus");
        UUID orderId = UUID.randomUUID();
        api().exchange(Api.reserve(orderId, Api.items(skus.get(0), 1, skus.get(1), 1)));
        api().exchange(Api.reserve(orderId, Api.items(skus.get(0), 1, skus.get(1), 1)));
        api().problem(Api.reserve(UUID.randomUUID(), Api.items(skus.get(0), 1, skus.get(1), 5)), HttpStatus.UNPROCESSABLE_ENTITY);
        String after = http.toBlocking().retrieve("/prometheus");
        for (String outcome : List.of("HELD", "REPLAYED", "INSUFFICIENT_STOCK")) {
            assertEquals(reservations(before, outcome) + 1, reservations(after, outcome), outcome);
        }
    }

    private static double reservations(String metrics, String outcome) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^oms_reservations_total\\{outcome=\"" + outcome
                + "\",service=\"inventory-service\"\\} (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }

    @Test
    void shortfallOnTheSecondItemMovesNothing() {
        List<String> skus = api().twoProducts(10, 1);
        UUID orderId = UUID.randomUUID();
        Map<String, Object> problem = api().problem(Api.reserve(orderId, Api.items(skus.get(0), 2, skus.get(1), 5)),
                HttpStatus.UNPROCESSABLE_ENTITY);
        assertEquals("INSUFFICIENT_STOCK", problem.get("code"));
        assertEquals(List.of(skus.get(1)), problem.get("skus"));
        assertTrue(((String) problem.get("detail")).contains(skus.get(1)));
        assertEquals(new Stock(10, 0, 10, 0), assertConserved(skus.get(0)));
        assertEquals(new Stock(1, 0, 1, 0), assertConserved(skus.get(1)));
        assertEquals(List.of(), api().list("/api/v1/reservations?orderId=" + orderId));
    }

    @Test
    void unknownSkuIsProductNotFoundEvenWhenAnotherIsShort() {
        List<String> skus = api().twoProducts(10, 1);
        String unknown = skus.get(0) + "-GONE";
        Map<String, Object> problem = api().problem(Api.reserve(UUID.randomUUID(),
                Map.of(skus.get(0), 1, skus.get(1), 2, unknown, 1)), HttpStatus.UNPROCESSABLE_ENTITY);
        assertEquals("PRODUCT_NOT_FOUND", problem.get("code"));
        assertEquals(List.of(unknown), problem.get("skus"));
        assertEquals(new Stock(10, 0, 10, 0), assertConserved(skus.get(0)));
    }

    @Test
    void repeatedRequestReturnsTheSameReservationAndMovesStockOnce() {
        List<String> skus = api().twoProducts(10, 10);
        UUID orderId = UUID.randomUUID();
        Map<String, Object> first = api().expect(HttpStatus.CREATED, Api.reserve(orderId, Api.items(skus.get(0), 1, skus.get(1), 2)));
        Map<String, Object> again = api().expect(HttpStatus.OK, Api.reserve(orderId, 1, Api.items(skus.get(1), 2, skus.get(0), 1)));
        assertEquals(first, again);
        assertEquals(new Stock(9, 1, 10, 0), assertConserved(skus.get(0)));
        assertEquals(new Stock(8, 2, 10, 0), assertConserved(skus.get(1)));
    }

    @Test
    void sameOrderWithOtherItemsIsAMismatch() {
        List<String> skus = api().twoProducts(10, 10);
        UUID orderId = UUID.randomUUID();
        api().expect(HttpStatus.CREATED, Api.reserve(orderId, Map.of(skus.get(0), 1)));
        for (Map<String, Integer> other : List.of(Map.of(skus.get(0), 2), Api.items(skus.get(0), 1, skus.get(1), 1))) {
            Map<String, Object> problem = api().problem(Api.reserve(orderId, other), HttpStatus.UNPROCESSABLE_ENTITY);
            assertEquals("RESERVATION_MISMATCH", problem.get("code"));
        }
        assertEquals(new Stock(9, 1, 10, 0), assertConserved(skus.get(0)));
        assertEquals(new Stock(10, 0, 10, 0), assertConserved(skus.get(1)));
    }

    @Test
    void aNewAttemptGetsAFreshReservation() {
        List<String> skus = api().twoProducts(10, 10);
        UUID orderId = UUID.randomUUID();
        Map<String, Object> first = api().expect(HttpStatus.CREATED, Api.reserve(orderId, Map.of(skus.get(0), 4)));
        api().expect(HttpStatus.OK, HttpRequest.POST(Api.action(first.get("id"), "release"), Map.of()));
        Map<String, Object> second = api().expect(HttpStatus.CREATED, Api.reserve(orderId, 2, Map.of(skus.get(0), 4)));
        assertNotEquals(first.get("id"), second.get("id"));
        assertEquals(2, second.get("attempt"));
        List<Map<String, Object>> all = api().list("/api/v1/reservations?orderId=" + orderId);
        assertEquals(List.of(first.get("id"), second.get("id")), all.stream().map(r -> r.get("id")).toList());
        assertEquals(List.of("RELEASED", "HELD"), all.stream().map(r -> r.get("status")).toList());
        List<Map<String, Object>> secondPage = api().list("/api/v1/reservations?orderId=" + orderId + "&page=1&size=1");
        assertEquals(List.of(second.get("id")), secondPage.stream().map(r -> r.get("id")).toList());
        assertEquals(new Stock(6, 4, 10, 0), assertConserved(skus.get(0)));
    }

    @Test
    void pricesAreTheOnesAtReservationTime() {
        String sku = api().twoProducts(5, 5).get(0);
        Map<String, Object> held = api().expect(HttpStatus.CREATED, Api.reserve(UUID.randomUUID(), Map.of(sku, 1)));
        api().expect(HttpStatus.OK, HttpRequest.PATCH("/api/v1/products/" + sku, Map.of("unitPrice", new BigDecimal("99.00"))));
        List<?> lines = (List<?>) api().get("/api/v1/reservations/" + held.get("id")).get("items");
        assertEquals(10.00, ((Map<?, ?>) lines.get(0)).get("unitPrice"));
    }
}
