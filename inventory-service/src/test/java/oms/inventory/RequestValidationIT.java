package oms.inventory;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed input of every kind is a 400 INVALID_REQUEST naming the fields, and writes nothing. */
@MicronautTest
class RequestValidationIT extends TestDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    private Api api() {
        return new Api(http.toBlocking());
    }

    private static String sku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void rejectsMalformedProductInputWithoutWriting() {
        String sku = sku("KEEP");
        api().createProduct(sku, "2.00", 5);
        long before = count("product");
        String fresh = sku("NEW");
        List<HttpRequest<?>> bad = List.of(
                HttpRequest.POST("/api/v1/products", "{\"sku\": \"x\",").contentType(MediaType.APPLICATION_JSON_TYPE),
                HttpRequest.POST("/api/v1/products", Map.of("sku", fresh, "name", "n", "unitPrice", 0, "available", 1)),
                HttpRequest.POST("/api/v1/products", Map.of("sku", fresh, "name", "n", "unitPrice", new BigDecimal("1.234"), "available", 1)),
                HttpRequest.POST("/api/v1/products", Map.of("sku", fresh, "name", "n", "unitPrice", 1, "available", -1)),
                HttpRequest.POST("/api/v1/products", Map.of("sku", fresh, "name", "n", "unitPrice", 1, "available", "many")),
                HttpRequest.POST("/api/v1/products", Map.of("sku", fresh, "name", "n", "unitPrice", 1, "available", 2.5)),
                HttpRequest.POST("/api/v1/products", Map.of("sku", fresh, "name", "n", "unitPrice", 1, "available", 3_000_000_000L)),
                HttpRequest.POST("/api/v1/products", Map.of("sku", "x".repeat(65), "name", "n", "unitPrice", 1, "available", 1)),
                HttpRequest.POST("/api/v1/products", Map.of("sku", "has space", "name", "n", "unitPrice", 1, "available", 1)),
                HttpRequest.POST("/api/v1/products", Map.of("sku", fresh, "name", " ", "unitPrice", 1, "available", 1)),
                HttpRequest.POST("/api/v1/products", Map.of("sku", fresh, "name", "x".repeat(201), "unitPrice", 1, "available", 1)),
                HttpRequest.POST("/api/v1/products", Map.of("sku", fresh)),
                HttpRequest.PATCH("/api/v1/products/" + sku, Map.of("unitPrice", -5)),
                HttpRequest.PATCH("/api/v1/products/" + sku, Map.of("name", "")),
                HttpRequest.PUT("/api/v1/products/" + sku + "/stock", Map.of("available", -1)),
                HttpRequest.PUT("/api/v1/products/" + sku + "/stock", Map.of()),
                HttpRequest.PUT("/api/v1/products/" + sku + "/stock", Map.of("available", 0.5)),
                HttpRequest.GET("/api/v1/products/" + sku + "/availability?quantity=0"),
                HttpRequest.GET("/api/v1/products/" + sku + "/availability"),
                HttpRequest.GET("/api/v1/products/" + "y".repeat(65)),
                HttpRequest.GET("/api/v1/products?size=101"),
                HttpRequest.GET("/api/v1/products?page=-1"));
        for (HttpRequest<?> request : bad) {
            Map<String, Object> body = api().problem(request, HttpStatus.BAD_REQUEST);
            assertEquals("INVALID_REQUEST", body.get("code"), () -> "for " + request.getUri());
            assertTrue(body.get("errors") instanceof List<?> errors && !errors.isEmpty(), () -> "errors for " + request.getUri() + ": " + body);
        }
        assertEquals(before, count("product"));
        Map<String, Object> kept = api().get("/api/v1/products/" + sku);
        assertEquals(5, kept.get("available"));
        assertEquals("Product " + sku, kept.get("name"));
        assertEquals(new Stock(5, 0, 5, 0), assertConserved(sku));
    }

    @Test
    void rejectsMalformedReservationsWithoutWriting() {
        List<String> skus = api().twoProducts(10, 10);
        String sku = skus.get(0);
        UUID orderId = UUID.randomUUID();
        long reservationsBefore = count("reservation");
        Map<String, Object> line = Map.of("sku", sku, "quantity", 1);
        List<Map<String, Object>> tooMany = IntStream.range(0, 101)
                .mapToObj(i -> Map.<String, Object>of("sku", sku + "-" + i, "quantity", 1)).toList();
        List<Object> bodies = List.of(
                "{\"orderId\": ",
                Map.of("items", List.of(line)),
                Map.of("orderId", "not-a-uuid", "items", List.of(line)),
                Map.of("orderId", orderId, "items", List.of(Map.of("sku", sku, "quantity", 0))),
                Map.of("orderId", orderId, "items", List.of(Map.of("sku", sku, "quantity", -2))),
                Map.of("orderId", orderId, "items", List.of(Map.of("sku", sku, "quantity", 10001))),
                Map.of("orderId", orderId, "items", List.of(Map.of("sku", sku, "quantity", "two"))),
                Map.of("orderId", orderId, "items", List.of(Map.of("sku", sku, "quantity", 1.5))),
                Map.of("orderId", orderId, "attempt", "1", "items", List.of(line)),
                Map.of("orderId", orderId, "items", List.of(Map.of("sku", "x".repeat(65), "quantity", 1))),
                Map.of("orderId", orderId, "items", List.of(Map.of("quantity", 1))),
                Map.of("orderId", orderId, "items", List.of()),
                Map.of("orderId", orderId, "items", tooMany),
                Map.of("orderId", orderId, "items", List.of(line, Map.of("sku", sku, "quantity", 2))),
                Map.of("orderId", orderId, "attempt", 0, "items", List.of(line)),
                Map.of("orderId", orderId, "items", "everything"));
        for (Object body : bodies) {
            HttpRequest<?> request = HttpRequest.POST("/api/v1/reservations", body)
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
            Map<String, Object> problem = api().problem(request, HttpStatus.BAD_REQUEST);
            assertEquals("INVALID_REQUEST", problem.get("code"), () -> "for " + body);
            assertTrue(problem.get("errors") instanceof List<?> errors && !errors.isEmpty(), () -> "errors for " + body + ": " + problem);
        }
        for (String uri : List.of("/api/v1/reservations", "/api/v1/reservations?orderId=nope",
                "/api/v1/reservations/not-a-uuid", "/api/v1/reservations?orderId=" + orderId + "&size=0")) {
            assertEquals("INVALID_REQUEST", api().problem(HttpRequest.GET(uri), HttpStatus.BAD_REQUEST).get("code"), uri);
        }
        assertEquals("INVALID_REQUEST", api().problem(HttpRequest.POST(Api.action("nope", "commit"), Map.of()),
                HttpStatus.BAD_REQUEST).get("code"));
        assertEquals(reservationsBefore, count("reservation"));
        assertEquals(new Stock(10, 0, 10, 0), assertConserved(sku));
    }

    @Test
    void duplicateSkusAreReportedOnTheItemsField() {
        String sku = api().twoProducts(5, 5).get(0);
        Map<String, Object> problem = api().problem(HttpRequest.POST("/api/v1/reservations", Map.of("orderId", UUID.randomUUID(),
                "items", List.of(Map.of("sku", sku, "quantity", 1), Map.of("sku", sku, "quantity", 1)))), HttpStatus.BAD_REQUEST);
        assertEquals(List.of(Map.of("field", "items", "message", "must not name a sku twice")), problem.get("errors"));
    }

    @Test
    void aWrongTypeIsReportedOnTheJsonField() {
        Map<String, Object> problem = api().problem(HttpRequest.POST("/api/v1/reservations", Map.of("orderId", UUID.randomUUID(),
                "items", List.of(Map.of("sku", "A", "quantity", 1), Map.of("sku", "B", "quantity", 2.5)))), HttpStatus.BAD_REQUEST);
        List<?> errors = (List<?>) problem.get("errors");
        assertEquals(1, errors.size());
        assertEquals("items[1].quantity", ((Map<?, ?>) errors.get(0)).get("field"));
        Map<String, Object> badId = api().problem(HttpRequest.POST("/api/v1/reservations", Map.of("orderId", "123",
                "items", List.of(Map.of("sku", "A", "quantity", 1)))), HttpStatus.BAD_REQUEST);
        assertEquals("orderId", ((Map<?, ?>) ((List<?>) badId.get("errors")).get(0)).get("field"));
    }

    @Test
    void rejectsMalformedReleasesOfAnAttemptWithoutWriting() {
        UUID orderId = UUID.randomUUID();
        long reservationsBefore = count("reservation");
        List<Object> bodies = List.of(
                "{\"orderId\": ",
                "[]",
                Map.of(),
                Map.of("attempt", 1),
                Map.of("orderId", "not-a-uuid"),
                Map.of("orderId", 123),
                Map.of("orderId", orderId, "attempt", 0),
                Map.of("orderId", orderId, "attempt", -1),
                Map.of("orderId", orderId, "attempt", "1"),
                Map.of("orderId", orderId, "attempt", 1.5),
                Map.of("orderId", orderId, "attempt", 3_000_000_000L));
        for (Object body : bodies) {
            HttpRequest<?> request = HttpRequest.POST("/api/v1/reservations/releases", body)
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
            Map<String, Object> problem = api().problem(request, HttpStatus.BAD_REQUEST);
            assertEquals("INVALID_REQUEST", problem.get("code"), () -> "for " + body);
            assertTrue(problem.get("errors") instanceof List<?> errors && !errors.isEmpty(), () -> "errors for " + body + ": " + problem);
        }
        Map<String, Object> wrongType = api().problem(HttpRequest.POST("/api/v1/reservations/releases",
                Map.of("orderId", orderId, "attempt", "2")), HttpStatus.BAD_REQUEST);
        assertEquals("attempt", ((Map<?, ?>) ((List<?>) wrongType.get("errors")).get(0)).get("field"));
        assertEquals(reservationsBefore, count("reservation"));
    }
}
