package oms.chassis.testing;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a service shows of itself besides its API: health's status to anyone, no other endpoint. */
public final class ManagementSurface {

    private static final List<String> OFF = List.of("/routes", "/beans", "/env", "/loggers", "/refresh",
            "/threaddump", "/info");

    private ManagementSurface() {
    }

    /** A plain call without the admin token the tests' clients add: exactly {@code {"status":"UP"}}. */
    public static void assertAnonymousHealthIsStatusOnly(URL service) {
        for (String path : List.of("/health", "/health/liveness", "/health/readiness")) {
            HttpResponse<String> health = RawHttp.send(service, "GET", path, null, null);
            assertEquals(200, health.statusCode(), path);
            assertEquals("{\"status\":\"UP\"}", health.body(), path);
        }
    }

    /** Even an admin finds the other management endpoints absent (404), not merely forbidden. */
    public static void assertOtherEndpointsAreOff(URL service) {
        for (String path : OFF) {
            assertEquals(404, RawHttp.send(service, "GET", path, TestTokens.admin(), null).statusCode(), path);
        }
        assertEquals(404, RawHttp.send(service, "POST", "/refresh", TestTokens.admin(), "{}").statusCode(), "POST /refresh");
    }
}
