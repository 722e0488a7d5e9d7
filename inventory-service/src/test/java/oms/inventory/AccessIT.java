package oms.inventory;

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

/** Who may call what on inventory-service: products are read by all, changed by admins; reservations are for services. */
@MicronautTest
class AccessIT extends TestDatabase {

    @Inject
    EmbeddedServer server;

    private final String sku = "ACCESS-" + UUID.randomUUID().toString().substring(0, 8);
    private String reservation;

    @BeforeAll
    void aProductAndAReservation() {
        var product = RawHttp.send(server.getURL(), "POST", "/api/v1/products", TestTokens.admin(),
                "{\"sku\":\"" + sku + "\",\"name\":\"Thing\",\"unitPrice\":2.50,\"available\":100}");
        assertEquals(201, product.statusCode(), product.body());
        var reserved = RawHttp.send(server.getURL(), "POST", "/api/v1/reservations", TestTokens.service(), reserve());
        assertEquals(201, reserved.statusCode(), reserved.body());
        reservation = reserved.body().replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
    }

    private String reserve() {
        return "{\"orderId\":\"" + UUID.randomUUID() + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}";
    }

    @TestFactory
    Stream<DynamicTest> roleMatrix() {
        String product = "/api/v1/products/" + sku;
        String held = "/api/v1/reservations/" + reservation;
        Access access = new Access(server.getURL(), Map.of(
                "customer", TestTokens.customer(UUID.randomUUID()),
                "service", TestTokens.service(),
                "admin", TestTokens.admin(),
                "no role", TestTokens.of("nobody", List.of())));
        for (String caller : List.of(ANONYMOUS, "no role")) {
            int expected = caller.equals(ANONYMOUS) ? 401 : 403;
            access.row(caller, "GET", product, expected)
                    .row(caller, "GET", product + "/availability?quantity=1", expected)
                    .row(caller, "GET", held, expected);
        }
        for (String reader : List.of("customer", "service", "admin")) {
            access.row(reader, "GET", "/api/v1/products", 200)
                    .row(reader, "GET", product, 200)
                    .row(reader, "GET", product + "/availability?quantity=1", 200);
        }
        for (String notAdmin : List.of("customer", "service")) {
            access.row(notAdmin, "POST", "/api/v1/products", "{\"sku\":\"X-" + notAdmin + "\",\"name\":\"X\",\"unitPrice\":1,\"available\":1}", 403)
                    .row(notAdmin, "PATCH", product, "{\"name\":\"Renamed\"}", 403)
                    .row(notAdmin, "PUT", product + "/stock", "{\"available\":5}", 403);
        }
        return access
                .row("admin", "PATCH", product, "{\"name\":\"Renamed\"}", 200)
                .row("admin", "PUT", product + "/stock", "{\"available\":50}", 200)
                .row("customer", "POST", "/api/v1/reservations", reserve(), 403)
                .row("customer", "GET", held, 403)
                .row("customer", "GET", "/api/v1/reservations?orderId=" + UUID.randomUUID(), 403)
                .row("customer", "POST", held + "/release", 403)
                .row("service", "GET", held, 200)
                .row("service", "GET", "/api/v1/reservations?orderId=" + UUID.randomUUID(), 200)
                .row("service", "POST", "/api/v1/reservations", reserve(), 201)
                .row("service", "POST", held + "/commit", 200)
                .row("admin", "GET", held, 200)
                .row(ANONYMOUS, "GET", "/health", 200)
                .row(ANONYMOUS, "GET", "/swagger/inventory-service.yml", 200)
                .tests();
    }

    @TestFactory
    Stream<DynamicTest> forgedTokensAreRefused() {
        return Access.forgedTokensAreRefused(server.getURL(), "/api/v1/products/" + sku);
    }
}
