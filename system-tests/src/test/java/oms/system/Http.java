package oms.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small blocking HTTP client for system tests: JSON in, {@link HttpResponse} out. A call without an
 * Authorization header of its own goes as an admin ({@link Tokens#admin()}), so that the tests of
 * orders, stock and failures read as before; tests of who may call what pass their own header, or
 * {@link #ANONYMOUS} for none.
 */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** Pass as the Authorization header's value to send none. */
    public static final String ANONYMOUS = "";

    private static final String ADMIN = "Bearer " + Tokens.admin();

    /** The admin Authorization header's value, for a test that builds its own requests. */
    public static String adminAuthorization() {
        return ADMIN;
    }

    private Http() {
    }

    public static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** GET with headers given as name, value pairs. */
    public static HttpResponse<String> get(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** POSTs a JSON body; {@code headers} are name, value pairs. */
    public static HttpResponse<String> post(String url, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** Any method, e.g. PATCH, with a JSON body (or none when null) and headers as name, value pairs. */
    public static HttpResponse<String> send(String method, String url, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + response.body(), e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(Duration.ofSeconds(30)).build();
        String authorization = request.headers().firstValue("Authorization").orElse(null);
        if (authorization == null || authorization.equals(ANONYMOUS)) {
            HttpRequest.Builder copy = HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("Authorization"));
            request = (authorization == null ? copy.header("Authorization", ADMIN) : copy).build();
        }
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            OpenApiCheck.assertDocumented(response);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
