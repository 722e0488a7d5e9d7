package oms.customer;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import oms.chassis.testing.Access;
import oms.chassis.testing.RawHttp;
import oms.chassis.testing.TestDatabase;
import oms.chassis.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static oms.chassis.testing.Access.ANONYMOUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may call what on customer-service (CONTRACT.md, "Who may call what"). */
@MicronautTest
class AccessIT extends TestDatabase {

    @Inject
    EmbeddedServer server;

    private UUID self;
    private UUID other;

    @BeforeAll
    void twoCustomers() {
        self = create();
        other = create();
    }

    private UUID create() {
        var response = RawHttp.send(server.getURL(), "POST", "/api/v1/customers", TestTokens.admin(), newCustomer());
        assertEquals(201, response.statusCode(), response.body());
        return UUID.fromString(response.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
    }

    private static String newCustomer() {
        return "{\"name\":\"Ada\",\"email\":\"ada-" + UUID.randomUUID() + "@example.com\"}";
    }

    @TestFactory
    Stream<DynamicTest> roleMatrix() {
        String mine = "/api/v1/customers/" + self;
        String theirs = "/api/v1/customers/" + other;
        Access access = new Access(server.getURL(), Map.of(
                "customer", TestTokens.customer(self),
                "service", TestTokens.service(),
                "admin", TestTokens.admin(),
                "no role", TestTokens.of("nobody", List.of())));
        for (String caller : List.of(ANONYMOUS, "no role")) {
            int expected = caller.equals(ANONYMOUS) ? 401 : 403;
            access.row(caller, "GET", mine, expected)
                    .row(caller, "GET", "/api/v1/customers", expected)
                    .row(caller, "POST", "/api/v1/customers", newCustomer(), expected);
        }
        return access
                .row("customer", "GET", mine, 200)
                .row("customer", "GET", theirs, 403)
                .row("customer", "GET", "/api/v1/customers", 403)
                .row("customer", "POST", "/api/v1/customers", newCustomer(), 403)
                .row("customer", "PATCH", mine, "{\"name\":\"Me\"}", 403)
                .row("service", "GET", theirs, 200)
                .row("service", "GET", "/api/v1/customers", 200)
                .row("service", "POST", "/api/v1/customers", newCustomer(), 403)
                .row("service", "PATCH", theirs, "{\"status\":\"SUSPENDED\"}", 403)
                .row("admin", "GET", theirs, 200)
                .row("admin", "GET", "/api/v1/customers", 200)
                .row("admin", "POST", "/api/v1/customers", newCustomer(), 201)
                .row("admin", "PATCH", theirs, "{\"name\":\"Renamed\"}", 200)
                .row(ANONYMOUS, "GET", "/health", 200)
                .row(ANONYMOUS, "GET", "/health/readiness", 200)
                .row(ANONYMOUS, "GET", "/swagger/customer-service.yml", 200)
                .tests();
    }

    @Test
    void anonymousHealthShowsTheStatusOnly() {
        var anonymous = RawHttp.send(server.getURL(), "GET", "/health", null, null);
        assertEquals(200, anonymous.statusCode());
        assertTrue(anonymous.body().contains("\"status\":\"UP\""), anonymous.body());
        assertFalse(anonymous.body().contains("\"details\":{"), anonymous.body());
        assertTrue(RawHttp.send(server.getURL(), "GET", "/health", TestTokens.admin(), null).body().contains("\"details\":{"));
    }

    @TestFactory
    Stream<DynamicTest> forgedTokensAreRefused() {
        return Access.forgedTokensAreRefused(server.getURL(), "/api/v1/customers/" + self);
    }

    @TestFactory
    Stream<DynamicTest> otherManagementEndpointsAreClosed() {
        return Stream.of("GET /beans", "GET /routes", "GET /env", "GET /loggers", "POST /refresh", "GET /threaddump",
                "GET /info").map(call -> DynamicTest.dynamicTest(call, () -> {
                    String[] parts = call.split(" ");
                    int anonymous = RawHttp.send(server.getURL(), parts[0], parts[1], null, null).statusCode();
                    int customer = RawHttp.send(server.getURL(), parts[0], parts[1], TestTokens.customer(self), null).statusCode();
                    assertTrue(anonymous == 401 || anonymous == 404, call + " anonymous: " + anonymous);
                    assertTrue(customer == 403 || customer == 404, call + " customer: " + customer);
                }));
    }
}
