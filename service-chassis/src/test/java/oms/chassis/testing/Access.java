package oms.chassis.testing;

import org.junit.jupiter.api.DynamicTest;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service's table of who may call what, checked against the running service: each row is one
 * caller, one request and the status it must get. A 401 must also challenge with Bearer and a 401
 * or 403 must be the contract's problem document.
 */
public final class Access {

    /** The callers of the tables; {@link #ANONYMOUS} sends no token. */
    public static final String ANONYMOUS = "anonymous";

    private final URL base;
    private final Map<String, String> tokens;
    private final List<Row> rows = new ArrayList<>();

    private record Row(String caller, String method, String path, String body, int expected) {
        @Override
        public String toString() {
            return caller + " " + method + " " + path + " -> " + expected;
        }
    }

    /** @param tokens each caller's name and its token */
    public Access(URL base, Map<String, String> tokens) {
        this.base = base;
        this.tokens = tokens;
    }

    public Access row(String caller, String method, String path, int expected) {
        return row(caller, method, path, null, expected);
    }

    public Access row(String caller, String method, String path, String json, int expected) {
        if (!caller.equals(ANONYMOUS) && !tokens.containsKey(caller)) {
            throw new IllegalArgumentException("No token for " + caller);
        }
        rows.add(new Row(caller, method, path, json, expected));
        return this;
    }

    public Stream<DynamicTest> tests() {
        return rows.stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> {
            HttpResponse<String> response = RawHttp.send(base, row.method(), row.path(), tokens.get(row.caller()), row.body());
            assertEquals(row.expected(), response.statusCode(), response.body());
            if (row.expected() == 401) {
                assertUnauthenticated(response);
            } else if (row.expected() == 403) {
                assertProblem(response, "FORBIDDEN");
            }
        }));
    }

    /** Every forged token on any /api/v1 path: 401 UNAUTHENTICATED with a Bearer challenge. */
    public static Stream<DynamicTest> forgedTokensAreRefused(URL base, String path) {
        return TestTokens.forged().entrySet().stream().map(forged -> DynamicTest.dynamicTest(forged.getKey(), () ->
                assertUnauthenticated(RawHttp.send(base, "GET", path, forged.getValue(), null))));
    }

    public static void assertUnauthenticated(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(""));
        assertProblem(response, "UNAUTHENTICATED");
    }

    public static void assertProblem(HttpResponse<String> response, String code) {
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"code\":\"" + code + "\""), response.body());
    }
}
