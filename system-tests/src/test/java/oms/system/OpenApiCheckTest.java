package oms.system;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check fails on answers customer-service's document does not describe, served by a stand-in. */
class OpenApiCheckTest {

    private static final String ID = "5f0c2a7e-8d1b-4e0a-b3f9-1c2d3e4f5a6b";
    private static HttpServer server;
    private static String base;

    @BeforeAll
    static void serveDocumentAndAnswers() throws IOException {
        Path document = RepositoryRoot.find().resolve("customer-service/target/classes/META-INF/swagger/customer-service.yml");
        assertTrue(Files.isRegularFile(document), document + " is missing: build customer-service first");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/swagger/customer-service.yml", e -> answer(e, 200, "application/yaml", Files.readString(document)));
        server.createContext("/api/v1/customers/" + ID, e -> answer(e, 200, "application/json", """
                {"id": "%s", "name": "Ada", "email": "ada@example.com", "status": "ACTIVE",
                 "createdAt": "2026-11-22T10:15:30Z", "updatedAt": "2026-11-22T10:15:30Z"}""".formatted(ID)));
        server.createContext("/api/v1/customers/not-documented-status", e -> answer(e, 418, "application/problem+json", """
                {"type": "about:blank", "title": "I'm a teapot", "status": 418, "detail": "no", "code": "TEAPOT"}"""));
        server.createContext("/api/v1/customers/missing-fields", e -> answer(e, 200, "application/json", "{\"id\": 5}"));
        server.createContext("/api/v1/customers/problem", e -> answer(e, 404, "application/problem+json", """
                {"type": "https://oms.example/problems/customer-not-found", "title": "Not Found", "status": 404,
                 "detail": "No customer", "code": "CUSTOMER_NOT_FOUND", "orderId": "x"}"""));
        server.createContext("/api/v1/customers/wrong-media-type", e -> answer(e, 404, "text/plain", "Not Found"));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void acceptsAnAnswerTheDocumentDescribes() {
        assertEquals(200, assertDoesNotThrow(() -> Http.get(base + "/api/v1/customers/" + ID)).statusCode());
    }

    @Test
    void acceptsAProblemWithExtensionMembers() {
        assertEquals(404, assertDoesNotThrow(() -> Http.get(base + "/api/v1/customers/" + "problem")).statusCode());
    }

    @Test
    void refusesAStatusTheOperationDoesNotList() {
        AssertionError e = assertThrows(AssertionError.class, () -> Http.get(base + "/api/v1/customers/not-documented-status"));
        assertTrue(e.getMessage().contains("answered 418"), e.getMessage());
    }

    @Test
    void refusesABodyThatBreaksTheSchema() {
        AssertionError e = assertThrows(AssertionError.class, () -> Http.get(base + "/api/v1/customers/missing-fields"));
        assertTrue(e.getMessage().contains("validation.response.body"), e.getMessage());
    }

    @Test
    void refusesAnErrorThatIsNotProblemJson() {
        AssertionError e = assertThrows(AssertionError.class, () -> Http.get(base + "/api/v1/customers/wrong-media-type"));
        assertTrue(e.getMessage().contains("contentType"), e.getMessage());
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
