package oms.chassis.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Plain JDK HTTP calls for tests of who may call what: unlike the tests' Micronaut clients, nothing
 * adds a token here (see {@link AdminTokenWhenMissing}), so a call without one is really anonymous.
 */
public final class RawHttp {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private RawHttp() {
    }

    /**
     * @param token the bearer token, or null for an anonymous call
     * @param json  the body, or null for none
     * @param headers more headers, as name, value, name, value...
     */
    public static HttpResponse<String> send(URL base, String method, String path, String token, String json,
                                            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
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
