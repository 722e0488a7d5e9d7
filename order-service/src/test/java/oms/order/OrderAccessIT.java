package oms.order;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import oms.chassis.testing.Access;
import oms.chassis.testing.RawHttp;
import oms.chassis.testing.TestTokens;
import oms.order.stub.StubDownstreams;
import oms.order.stub.WithStubDownstreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static oms.chassis.testing.Access.ANONYMOUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call what on order-service, and a customer's scope: its own orders only. The downstream
 * stubs let in only a service token, so every confirmed order here also shows that order-service
 * calls them with its own token and not its caller's.
 */
@MicronautTest
@Property(name = "spec.name", value = "OrderApiIT")
class OrderAccessIT extends WithStubDownstreams {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @Inject
    EmbeddedServer server;

    @Inject
    StubDownstreams.World world;

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final String sku = "BOOK-" + UUID.randomUUID().toString().substring(0, 8);
    private String alicesOrder;
    private String bobsOrder;


    @BeforeAll
    void eachCustomerHasAConfirmedOrder() {
        world.activeCustomers.add(alice);
        world.activeCustomers.add(bob);
        world.stock.put(sku, new AtomicInteger(1000));
        alicesOrder = confirmedOrder(TestTokens.customer(alice), alice, UUID.randomUUID().toString());
        bobsOrder = confirmedOrder(TestTokens.customer(bob), bob, UUID.randomUUID().toString());
    }

    @TestFactory
    Stream<DynamicTest> roleMatrix() {
        String mine = "/api/v1/orders/" + alicesOrder;
        String theirs = "/api/v1/orders/" + bobsOrder;
        Access access = new Access(server.getURL(), Map.of(
                "customer", TestTokens.customer(alice),
                "service", TestTokens.service(),
                "admin", TestTokens.admin(),
                "no role", TestTokens.of("nobody", List.of())));
        for (String caller : List.of(ANONYMOUS, "service", "no role")) {
            int expected = caller.equals(ANONYMOUS) ? 401 : 403;
            access.row(caller, "POST", "/api/v1/orders", order(alice), expected)
                    .row(caller, "GET", "/api/v1/orders", expected)
                    .row(caller, "GET", mine, expected)
                    .row(caller, "GET", mine + "/events", expected)
                    .row(caller, "POST", mine + "/cancel", expected);
        }
        return access
                .row("customer", "POST", "/api/v1/orders", order(bob), 403)
                .row("customer", "GET", mine, 200)
                .row("customer", "GET", mine + "/events", 200)
                .row("customer", "GET", theirs, 404)
                .row("customer", "GET", theirs + "/events", 404)
                .row("customer", "POST", theirs + "/cancel", 404)
                .row("customer", "GET", "/api/v1/orders", 200)
                .row("admin", "GET", theirs, 200)
                .row("admin", "GET", "/api/v1/orders?customerId=" + bob, 200)
                .row(ANONYMOUS, "GET", "/health", 200)
                .row(ANONYMOUS, "GET", "/swagger/order-service.yml", 200)
                .tests();
    }

    @Test
    void anotherCustomersOrderLooksMissing() {
        HttpResponse<String> response = RawHttp.send(server.getURL(), "GET", "/api/v1/orders/" + bobsOrder,
                TestTokens.customer(alice), null);
        assertEquals(404, response.statusCode());
        Access.assertProblem(response, "ORDER_NOT_FOUND");
    }

    @Test
    void aCustomersListHoldsItsOwnOrdersWhateverItAsksFor() {
        HttpResponse<String> response = RawHttp.send(server.getURL(), "GET", "/api/v1/orders?customerId=" + bob,
                TestTokens.customer(alice), null);
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains(alicesOrder), response.body());
        assertTrue(!response.body().contains(bob.toString()), response.body());
    }

    @Test
    void oneIdempotencyKeyFromTwoCallersIsTwoOrders() {
        String key = UUID.randomUUID().toString();
        String byAlice = confirmedOrder(TestTokens.customer(alice), alice, key);
        String byAdmin = confirmedOrder(TestTokens.admin(), alice, key);
        assertNotEquals(byAlice, byAdmin);
    }

    @TestFactory
    Stream<DynamicTest> forgedTokensAreRefused() {
        return Access.forgedTokensAreRefused(server.getURL(), "/api/v1/orders/" + alicesOrder);
    }

    private String confirmedOrder(String token, UUID customer, String key) {
        HttpResponse<String> response = RawHttp.send(server.getURL(), "POST", "/api/v1/orders", token, order(customer),
                "Idempotency-Key", key);
        assertEquals(201, response.statusCode(), response.body());
        Matcher id = ID.matcher(response.body());
        assertTrue(id.find(), response.body());
        return id.group(1);
    }

    private String order(UUID customer) {
        return "{\"customerId\":\"" + customer + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
