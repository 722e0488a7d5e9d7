package oms.payment;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import oms.chassis.testing.Access;
import oms.chassis.testing.RawHttp;
import oms.chassis.testing.TestDatabase;
import oms.chassis.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static oms.chassis.testing.Access.ANONYMOUS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who may call what on payment-service: services and admins only, never a customer. */
@MicronautTest
class AccessIT extends TestDatabase {

    @Inject
    EmbeddedServer server;

    private String payment;

    @BeforeAll
    void aPayment() {
        var authorized = RawHttp.send(server.getURL(), "POST", "/api/v1/payments", TestTokens.service(), authorize());
        assertEquals(201, authorized.statusCode(), authorized.body());
        payment = authorized.body().replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
    }

    private static String authorize() {
        return "{\"orderId\":\"" + UUID.randomUUID() + "\",\"customerId\":\"" + UUID.randomUUID()
                + "\",\"amount\":10.00,\"currency\":\"USD\"}";
    }

    @TestFactory
    Stream<DynamicTest> roleMatrix() {
        String one = "/api/v1/payments/" + payment;
        Access access = new Access(server.getURL(), Map.of(
                "customer", TestTokens.customer(UUID.randomUUID()),
                "service", TestTokens.service(),
                "admin", TestTokens.admin(),
                "no role", TestTokens.of("nobody", List.of())));
        for (String caller : List.of(ANONYMOUS, "customer", "no role")) {
            int expected = caller.equals(ANONYMOUS) ? 401 : 403;
            access.row(caller, "POST", "/api/v1/payments", authorize(), expected)
                    .row(caller, "GET", one, expected)
                    .row(caller, "GET", "/api/v1/payments?orderId=" + UUID.randomUUID(), expected)
                    .row(caller, "POST", one + "/void", expected);
        }
        return access
                .row("service", "GET", one, 200)
                .row("service", "GET", "/api/v1/payments?orderId=" + UUID.randomUUID(), 200)
                .row("admin", "GET", one, 200)
                .row("admin", "POST", "/api/v1/payments", authorize(), 201)
                .row("service", "POST", one + "/void", 200)
                .row(ANONYMOUS, "GET", "/health", 200)
                .row(ANONYMOUS, "GET", "/swagger/payment-service.yml", 200)
                .tests();
    }

    @TestFactory
    Stream<DynamicTest> forgedTokensAreRefused() {
        return Access.forgedTokensAreRefused(server.getURL(), "/api/v1/payments/" + payment);
    }
}
