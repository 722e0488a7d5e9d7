package oms.system;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated documents say what CONTRACT.md says: each status and error code under its
 * operation, one problem schema, the contract's headers, anchored patterns and money in cents.
 */
class OpenApiContractTest {

    /** "METHOD path" to the "status code" pairs the contract gives that operation (beyond 400/401/403/413). */
    private static final Map<String, List<String>> CONTRACT_CODES = Map.ofEntries(
            Map.entry("POST /api/v1/customers", List.of("409 EMAIL_TAKEN")),
            Map.entry("GET /api/v1/customers/{id}", List.of("404 CUSTOMER_NOT_FOUND")),
            Map.entry("PATCH /api/v1/customers/{id}", List.of("404 CUSTOMER_NOT_FOUND")),
            Map.entry("POST /api/v1/products", List.of("409 SKU_TAKEN")),
            Map.entry("GET /api/v1/products/{sku}", List.of("404 PRODUCT_NOT_FOUND")),
            Map.entry("PATCH /api/v1/products/{sku}", List.of("404 PRODUCT_NOT_FOUND")),
            Map.entry("PUT /api/v1/products/{sku}/stock", List.of("404 PRODUCT_NOT_FOUND")),
            Map.entry("GET /api/v1/products/{sku}/availability", List.of("404 PRODUCT_NOT_FOUND")),
            Map.entry("POST /api/v1/reservations", List.of("422 INSUFFICIENT_STOCK", "422 PRODUCT_NOT_FOUND",
                    "422 RESERVATION_MISMATCH")),
            Map.entry("GET /api/v1/reservations/{id}", List.of("404 RESERVATION_NOT_FOUND")),
            Map.entry("POST /api/v1/reservations/{id}/commit", List.of("404 RESERVATION_NOT_FOUND", "409 RESERVATION_NOT_HELD")),
            Map.entry("POST /api/v1/reservations/{id}/release", List.of("404 RESERVATION_NOT_FOUND")),
            Map.entry("POST /api/v1/payments", List.of("422 PAYMENT_MISMATCH")),
            Map.entry("POST /api/v1/payments/{id}/void", List.of("404 PAYMENT_NOT_FOUND", "409 PAYMENT_NOT_VOIDABLE")),
            Map.entry("GET /api/v1/payments/{id}", List.of("404 PAYMENT_NOT_FOUND")),
            Map.entry("POST /api/v1/orders", List.of("400 IDEMPOTENCY_KEY_MISSING", "400 IDEMPOTENCY_KEY_INVALID",
                    "409 IDEMPOTENCY_KEY_IN_USE", "422 CUSTOMER_NOT_FOUND", "422 CUSTOMER_INACTIVE",
                    "422 PRODUCT_NOT_FOUND", "422 INSUFFICIENT_STOCK", "422 PAYMENT_DECLINED",
                    "422 IDEMPOTENCY_KEY_REUSED", "503 DEPENDENCY_UNAVAILABLE")),
            Map.entry("GET /api/v1/orders/{id}", List.of("404 ORDER_NOT_FOUND")),
            Map.entry("POST /api/v1/orders/{id}/cancel", List.of("404 ORDER_NOT_FOUND", "409 ORDER_NOT_CANCELLABLE")),
            Map.entry("GET /api/v1/orders/{id}/events", List.of("404 ORDER_NOT_FOUND")));

    private static final Set<String> MONEY = Set.of("unitPrice", "lineTotal", "totalAmount", "amount");

    @ParameterizedTest
    @EnumSource(Service.class)
    void everyOperationListsItsStatusesCodesAndHeaders(Service service) throws IOException {
        Map<String, Object> doc = document(service);
        Set<String> tags = new HashSet<>();
        list(doc.get("tags")).forEach(t -> tags.add((String) map(t).get("name")));
        Set<String> operationIds = new HashSet<>();
        map(doc.get("paths")).forEach((path, item) -> map(item).forEach((method, value) -> {
            String operation = method.toUpperCase() + " " + path;
            Map<String, Object> op = map(value);
            assertTrue(operationIds.add((String) op.get("operationId")), "operationId repeated: " + operation);
            assertFalse(String.valueOf(op.get("summary")).isBlank(), "no summary: " + operation);
            assertTrue(tags.containsAll(list(op.get("tags"))), "undefined tag: " + operation);
            Map<String, Object> responses = map(op.get("responses"));
            List<String> expected = new ArrayList<>(List.of("400 INVALID_REQUEST", "401 UNAUTHENTICATED", "403 FORBIDDEN"));
            if (op.containsKey("requestBody")) {
                expected.add("413 REQUEST_TOO_LARGE");
            }
            expected.addAll(CONTRACT_CODES.getOrDefault(operation, List.of()));
            for (String statusAndCode : expected) {
                String[] parts = statusAndCode.split(" ");
                Map<String, Object> problem = map(map(map(responses.get(parts[0])).get("content")).get("application/problem+json"));
                assertEquals("#/components/schemas/Problem", map(problem.get("schema")).get("$ref"), operation + " " + parts[0]);
                assertTrue(map(problem.get("examples")).containsKey(parts[1]), operation + " lacks " + statusAndCode);
            }
            responses.forEach((status, response) -> {
                if (status.equals("201")) {
                    assertTrue(map(map(response).get("headers")).containsKey("Location"), operation + " 201 without Location");
                }
            });
        }));
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void oneProblemSchemaAnchoredPatternsAndMoneyInCents(Service service) throws IOException {
        Map<String, Object> schemas = map(map(document(service).get("components")).get("schemas"));
        Map<String, Object> problem = map(schemas.get("Problem"));
        assertEquals(Set.of("type", "title", "status", "detail", "code", "errors"), map(problem.get("properties")).keySet());
        assertEquals(true, problem.get("additionalProperties"));
        schemas.forEach((name, schema) -> map(map(schema).get("properties")).forEach((property, value) -> {
            Map<String, Object> s = map(value);
            if (s.containsKey("pattern")) {
                String pattern = (String) s.get("pattern");
                assertTrue(pattern.startsWith("^") && pattern.endsWith("$"), name + "." + property + " " + pattern);
            }
            if (MONEY.contains(property)) {
                assertEquals(0.01, ((Number) s.get("multipleOf")).doubleValue(), name + "." + property);
            }
        }));
    }

    @org.junit.jupiter.api.Test
    void placementDocumentsIdempotencyKeyAndItsHeaders() throws IOException {
        Map<String, Object> place = map(map(map(document(Service.ORDER).get("paths")).get("/api/v1/orders")).get("post"));
        Map<String, Object> key = list(place.get("parameters")).stream().map(OpenApiContractTest::map)
                .filter(p -> "Idempotency-Key".equals(p.get("name"))).findFirst().orElseThrow();
        assertEquals("header", key.get("in"));
        assertEquals(true, key.get("required"));
        assertEquals("^[ -~]{1,255}$", map(key.get("schema")).get("pattern"));
        Map<String, Object> responses = map(place.get("responses"));
        assertTrue(headers(responses, "201").containsKey("Idempotent-Replayed"));
        assertTrue(headers(responses, "202").containsKey("Location"));
        assertTrue(headers(responses, "422").containsKey("Idempotent-Replayed"));
        assertEquals(true, map(headers(responses, "503").get("Retry-After")).get("required"));
        assertEquals(true, map(headers(responses, "409").get("Retry-After")).get("required"));
    }

    private static Map<String, Object> headers(Map<String, Object> responses, String status) {
        return map(map(responses.get(status)).get("headers"));
    }

    private static Map<String, Object> document(Service service) throws IOException {
        Path file = RepositoryRoot.find().resolve(service.module() + "/target/classes/META-INF/swagger/" + service.module() + ".yml");
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
