package oms.system.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import oms.system.Http;
import oms.system.Invariants;
import oms.system.Service;
import oms.system.SystemUnderTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests built from each operation's schema, spoiled in one of the ways a hostile or careless client
 * would, sent to the four real services: every answer is a 2xx or a 4xx problem+json whose detail
 * names no internals, and the invariants hold afterwards.
 */
class HostileInputIT {

    /** What a detail must never carry: SQL, exception or class names, server error texts. */
    private static final Pattern INTERNALS = Pattern.compile(
            "(?i)sql|exception|\\borg\\.|\\bjava\\.|\\boms\\.|\\bio\\.micronaut|jackson|error:|jdbc|hikari|constraints\\.");

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private static SystemUnderTest sut;
    private static Fixture fixture;

    @BeforeContainer
    static void start() {
        sut = SystemUnderTest.builder().start();
        String sku = "HOSTILE-" + UUID.randomUUID();
        assertEquals(201, Http.post(sut.url(Service.INVENTORY) + "/api/v1/products",
                "{\"sku\":\"" + sku + "\",\"name\":\"Target\",\"unitPrice\":2.50,\"available\":100000}").statusCode());
        String customer = Http.json(Http.post(sut.url(Service.CUSTOMER) + "/api/v1/customers",
                "{\"name\":\"Mallory\",\"email\":\"mallory-" + UUID.randomUUID() + "@example.com\"}")).get("id").asText();
        fixture = new Fixture(customer, sku);
    }

    @AfterContainer
    static void stop() {
        if (sut == null) {
            return;
        }
        try {
            Invariants.of(sut).awaitHold(Duration.ofSeconds(60));
        } finally {
            sut.close();
        }
    }

    @Property(tries = 2000)
    void aSpoiledBodyIsNeverAServerError(@ForAll Operation operation, @ForAll HostileBody spoil, @ForAll long seed) {
        Random random = new Random(seed);
        byte[] body = spoil.apply(operation.validBody(fixture, random), random);
        HttpResponse<String> answer = send(operation.method, sut.url(operation.service) + operation.path(fixture), body);
        Statistics.label("spoil -> status").collect(spoil, answer.statusCode() / 100 + "xx");
        assertClientAnswer(answer);
        undoOrphan(operation, answer);
        if (spoil != HostileBody.NONE) {
            assertTrue(answer.statusCode() >= 400, () -> spoil + " accepted by " + operation + ": " + answer.body());
        }
    }

    @net.jqwik.api.Example
    void aBodyOver64KiBIsTooLargeWithOrWithoutALength() {
        byte[] body = ("{\"name\":\"" + "x".repeat(70_000) + "\",\"email\":\"big@example.com\"}").getBytes();
        String url = sut.url(Service.CUSTOMER) + "/api/v1/customers";
        HttpResponse<String> sized = send("POST", url, body);
        HttpResponse<String> chunked = send("POST", url, HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(body)));
        for (HttpResponse<String> answer : List.of(sized, chunked)) {
            assertEquals(413, answer.statusCode(), answer::body);
            assertEquals("REQUEST_TOO_LARGE", Http.json(answer).get("code").asText());
        }
    }

    @net.jqwik.api.Example
    void anonymousCallersGetTheHealthStatusOnlyAndNoOtherManagementEndpoint() {
        for (Service service : Service.values()) {
            HttpResponse<String> health = Http.get(sut.url(service) + "/health", "Authorization", Http.ANONYMOUS);
            assertEquals(200, health.statusCode());
            assertEquals("{\"status\":\"UP\"}", health.body(), () -> service + " /health to an anonymous caller");
            for (String path : List.of("/routes", "/beans", "/env", "/loggers", "/refresh", "/threaddump", "/info")) {
                assertEquals(404, Http.get(sut.url(service) + path).statusCode(), () -> service + path);
            }
            assertEquals(404, Http.post(sut.url(service) + "/refresh", "{}").statusCode(), () -> service + " POST /refresh");
        }
    }

    @net.jqwik.api.Example
    void anOrderOfManyLongUnknownSkusEndsRejected() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            String sku = String.format("UNKNOWN-%03d-", i) + "x".repeat(52);
            items.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(sku).append("\",\"quantity\":1}");
        }
        HttpResponse<String> answer = placeOrder("{\"customerId\":\"" + fixture.customerId() + "\",\"items\":[" + items + "]}");
        assertEquals(422, answer.statusCode(), answer::body);
        assertEquals("PRODUCT_NOT_FOUND", Http.json(answer).get("code").asText());
        assertOrderEnded(Http.json(answer).get("orderId").asText(), "REJECTED");
    }

    @net.jqwik.api.Example
    void aTotalBeyondEveryLimitEndsRejectedByThePayment() {
        String sku = "DEAR-" + UUID.randomUUID();
        assertEquals(201, Http.post(sut.url(Service.INVENTORY) + "/api/v1/products",
                "{\"sku\":\"" + sku + "\",\"name\":\"Dear\",\"unitPrice\":9999999999.99,\"available\":20000}").statusCode());
        HttpResponse<String> answer = placeOrder("{\"customerId\":\"" + fixture.customerId()
                + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":10000}]}");
        assertEquals(422, answer.statusCode(), answer::body);
        assertEquals("PAYMENT_DECLINED", Http.json(answer).get("code").asText());
        assertOrderEnded(Http.json(answer).get("orderId").asText(), "REJECTED");
    }

    private static HttpResponse<String> placeOrder(String body) {
        return Http.post(sut.url(Service.ORDER) + "/api/v1/orders", body, "Idempotency-Key", UUID.randomUUID().toString());
    }

    private static void assertOrderEnded(String orderId, String status) {
        JsonNode order = Http.json(Http.get(sut.url(Service.ORDER) + "/api/v1/orders/" + orderId));
        assertEquals(status, order.get("status").asText(), order::toString);
    }

    @Property(tries = 500)
    void listPagesAreBoundedAndNeverAServerError(@ForAll("lists") String list,
                                                @ForAll @IntRange(min = -1, max = Integer.MAX_VALUE) int page,
                                                @ForAll @IntRange(min = -1, max = 200) int size) {
        HttpResponse<String> answer = send("GET", list + (list.contains("?") ? "&" : "?") + "page=" + page + "&size=" + size,
                HttpRequest.BodyPublishers.noBody());
        boolean valid = page >= 0 && size >= 1 && size <= 100 && (long) page * size <= 10_000;
        Statistics.label("window -> status").collect(valid ? "valid" : "invalid", answer.statusCode());
        assertClientAnswer(answer);
        assertEquals(valid ? 200 : 400, answer.statusCode(), answer::body);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> lists() {
        return net.jqwik.api.Arbitraries.of(List.of(
                sut.url(Service.CUSTOMER) + "/api/v1/customers",
                sut.url(Service.INVENTORY) + "/api/v1/products",
                sut.url(Service.INVENTORY) + "/api/v1/reservations?orderId=" + UUID.randomUUID(),
                sut.url(Service.PAYMENT) + "/api/v1/payments",
                sut.url(Service.ORDER) + "/api/v1/orders"));
    }

    /**
     * A payment or reservation asked of a provider directly belongs to no order; the invariants allow
     * that only once it holds nothing, as after an order's compensation.
     */
    private static void undoOrphan(Operation operation, HttpResponse<String> answer) {
        if (answer.statusCode() / 100 != 2 || (operation != Operation.AUTHORIZE && operation != Operation.RESERVE)) {
            return;
        }
        String id = Http.json(answer).get("id").asText();
        String url = operation == Operation.AUTHORIZE
                ? sut.url(Service.PAYMENT) + "/api/v1/payments/" + id + "/void"
                : sut.url(Service.INVENTORY) + "/api/v1/reservations/" + id + "/release";
        int status = Http.post(url, null).statusCode();
        assertTrue(status == 200 || status == 409, () -> "undo answered " + status);
    }

    private static void assertClientAnswer(HttpResponse<String> answer) {
        int status = answer.statusCode();
        assertTrue(status < 500, () -> "server error " + status + ": " + answer.body());
        if (status >= 400) {
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""), answer::body);
            JsonNode problem = Http.json(answer);
            assertEquals(status, problem.get("status").asInt());
            assertFalse(problem.get("code").asText().isEmpty());
            String detail = problem.get("detail").asText() + " " + problem.path("errors");
            assertFalse(INTERNALS.matcher(detail).find(), () -> "detail leaks internals: " + detail);
        }
    }

    private static HttpResponse<String> send(String method, String url, byte[] body) {
        return send(method, url, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static HttpResponse<String> send(String method, String url, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Authorization", Http.adminAuthorization())
                .method(method, body);
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
