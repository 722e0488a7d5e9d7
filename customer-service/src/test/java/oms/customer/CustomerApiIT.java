package oms.customer;

import oms.chassis.testing.ManagementSurface;
import oms.chassis.testing.Concurrently;
import oms.chassis.testing.TestDatabase;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class CustomerApiIT extends TestDatabase {

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    private BlockingHttpClient client() {
        return http.toBlocking();
    }

    private Map<String, Object> create(String name, String email) {
        HttpResponse<Map<String, Object>> response = client().exchange(
                HttpRequest.POST("/api/v1/customers", Map.of("name", name, "email", email)), Argument.mapOf(String.class, Object.class));
        assertEquals(HttpStatus.CREATED, response.getStatus());
        assertEquals("/api/v1/customers/" + response.body().get("id"), response.header("Location"));
        return response.body();
    }

    private Map<String, Object> problem(HttpRequest<?> request, HttpStatus expected) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client().exchange(request, Argument.mapOf(String.class, Object.class)));
        assertEquals(expected, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().map(MediaType::toString).orElse(""));
        Map<String, Object> body = e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
        assertEquals(expected.getCode(), ((Number) body.get("status")).intValue());
        return body;
    }

    @Test
    void createsActiveCustomerAndReadsItBack() {
        Map<String, Object> created = create("Ada Lovelace", "ada-" + UUID.randomUUID() + "@example.com");
        assertEquals("ACTIVE", created.get("status"));
        assertNotNull(created.get("createdAt"));
        Map<?, ?> read = client().retrieve(HttpRequest.GET("/api/v1/customers/" + created.get("id")), Map.class);
        assertEquals(created.get("email"), read.get("email"));
    }

    @Test
    void rejectsTakenEmailRegardlessOfCase() {
        String email = "grace-" + UUID.randomUUID() + "@example.com";
        create("Grace", email);
        Map<String, Object> body = problem(HttpRequest.POST("/api/v1/customers",
                Map.of("name", "Other", "email", email.toUpperCase())), HttpStatus.CONFLICT);
        assertEquals("EMAIL_TAKEN", body.get("code"));
    }

    @Test
    void concurrentCreatesWithOneEmailMakeExactlyOneCustomer() throws Exception {
        String email = "race-" + UUID.randomUUID() + "@example.com";
        List<Integer> codes = Concurrently.run(20, i -> {
            try {
                return client().exchange(HttpRequest.POST("/api/v1/customers", Map.of("name", "R", "email", email))).code();
            } catch (HttpClientResponseException e) {
                return e.code();
            }
        });
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes::toString);
        assertEquals(19, codes.stream().filter(c -> c == 409).count(), codes::toString);
    }

    @Test
    void suspendsCustomerWithPatchKeepingOtherFields() {
        Map<String, Object> created = create("Linus", "linus-" + UUID.randomUUID() + "@example.com");
        Map<?, ?> patched = client().retrieve(HttpRequest.PATCH("/api/v1/customers/" + created.get("id"),
                Map.of("status", "SUSPENDED")), Map.class);
        assertEquals("SUSPENDED", patched.get("status"));
        assertEquals("Linus", patched.get("name"));
        assertEquals(created.get("email"), patched.get("email"));
    }

    @Test
    void answersMissingCustomerWithProblem() {
        Map<String, Object> body = problem(HttpRequest.GET("/api/v1/customers/" + UUID.randomUUID()), HttpStatus.NOT_FOUND);
        assertEquals("CUSTOMER_NOT_FOUND", body.get("code"));
    }

    @Test
    void rejectsMalformedInputWithoutWriting() {
        int before = client().retrieve(HttpRequest.GET("/api/v1/customers?size=100"), Argument.listOf(Map.class)).size();
        List<HttpRequest<?>> bad = List.of(
                HttpRequest.POST("/api/v1/customers", "{\"name\": \"x\",").contentType(MediaType.APPLICATION_JSON_TYPE),
                HttpRequest.POST("/api/v1/customers", Map.of("name", "", "email", "not-an-email")),
                HttpRequest.POST("/api/v1/customers", Map.of("name", "x".repeat(201), "email", "long@example.com")),
                HttpRequest.POST("/api/v1/customers", "{\"name\": [\"x\"], \"email\": \"arr@example.com\"}").contentType(MediaType.APPLICATION_JSON_TYPE),
                HttpRequest.POST("/api/v1/customers", "{\"name\": 5, \"email\": \"num@example.com\"}").contentType(MediaType.APPLICATION_JSON_TYPE),
                HttpRequest.PATCH("/api/v1/customers/" + UUID.randomUUID(), Map.of("status", "DELETED")),
                HttpRequest.GET("/api/v1/customers/not-a-uuid"),
                HttpRequest.GET("/api/v1/customers?size=101"),
                HttpRequest.GET("/api/v1/customers?page=-1"));
        for (HttpRequest<?> request : bad) {
            Map<String, Object> body = problem(request, HttpStatus.BAD_REQUEST);
            assertEquals("INVALID_REQUEST", body.get("code"), () -> "for " + request.getPath());
        }
        List<?> fields = (List<?>) problem(bad.get(1), HttpStatus.BAD_REQUEST).get("errors");
        assertEquals(2, fields.size());
        int after = client().retrieve(HttpRequest.GET("/api/v1/customers?size=100"), Argument.listOf(Map.class)).size();
        assertEquals(before, after);
    }

    @Test
    void healthShowsAnonymousCallersTheStatusOnly() {
        ManagementSurface.assertAnonymousHealthIsStatusOnly(server.getURL());
    }

    @Test
    void everyOtherManagementEndpointIsOff() {
        ManagementSurface.assertOtherEndpointsAreOff(server.getURL());
    }
}
