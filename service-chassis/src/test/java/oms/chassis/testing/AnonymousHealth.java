package oms.chassis.testing;

import java.net.URL;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the contract shows an anonymous caller of a service's health: the status, nothing else. */
public final class AnonymousHealth {

    private AnonymousHealth() {
    }

    /** A plain call without the admin token the tests' clients add: exactly {@code {"status":"UP"}}. */
    public static void assertStatusOnly(URL service) {
        for (String path : new String[] {"/health", "/health/liveness", "/health/readiness"}) {
            HttpResponse<String> health = RawHttp.send(service, "GET", path, null, null);
            assertEquals(200, health.statusCode(), path);
            assertEquals("{\"status\":\"UP\"}", health.body(), path);
        }
    }
}
