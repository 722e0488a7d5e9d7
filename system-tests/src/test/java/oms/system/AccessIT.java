package oms.system;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call what, across the four packaged services started with one JWT_SECRET: a customer's
 * order goes all the way through (order-service calls the others with its own service token), and
 * customers stay within their own orders and records.
 */
class AccessIT {

    @AutoClose
    private static SystemUnderTest sut;
    private static Shop shop;

    @BeforeAll
    static void startSystem() {
        sut = SystemUnderTest.builder().start();
        shop = new Shop(sut);
    }


    @ParameterizedTest
    @EnumSource(Service.class)
    void healthAndOpenApiAreOpenAndTheApiIsNot(Service service) {
        HttpResponse<String> health = Http.get(sut.url(service) + "/health", "Authorization", Http.ANONYMOUS);
        assertEquals(200, health.statusCode());
        assertFalse(health.body().contains("\"details\":{"), health.body());
        assertEquals(200, Http.get(sut.url(service) + "/swagger/" + service.module() + ".yml",
                "Authorization", Http.ANONYMOUS).statusCode());
        String api = sut.url(service) + "/api/v1/" + switch (service) {
            case CUSTOMER -> "customers";
            case INVENTORY -> "products";
            case PAYMENT -> "payments?orderId=" + UUID.randomUUID();
            case ORDER -> "orders";
        };
        assertUnauthenticated(Http.get(api, "Authorization", Http.ANONYMOUS));
        String forged = Tokens.mint("intruder", "admin", "a-secret-that-is-not-the-systems-secret-0123");
        assertUnauthenticated(Http.get(api, "Authorization", "Bearer " + forged));
    }

    @Test
    void aCustomerPlacesAndSeesOnlyItsOwnOrders() {
        String alice = shop.customer();
        String bob = shop.customer();
        String sku = shop.product("5.00", 10);
        String asAlice = "Bearer " + Tokens.customer(alice);

        HttpResponse<String> placed = Http.post(sut.url(Service.ORDER) + "/api/v1/orders", Shop.order(alice, sku, 1),
                "Idempotency-Key", UUID.randomUUID().toString(), "Authorization", asAlice);
        assertEquals(201, placed.statusCode(), placed.body());
        HttpResponse<String> forBob = Http.post(sut.url(Service.ORDER) + "/api/v1/orders", Shop.order(bob, sku, 1),
                "Idempotency-Key", UUID.randomUUID().toString(), "Authorization", asAlice);
        assertEquals(403, forBob.statusCode(), forBob.body());
        assertEquals("FORBIDDEN", Http.json(forBob).get("code").asText());

        String bobsOrder = Http.json(shop.place(Shop.order(bob, sku, 1))).get("id").asText();
        HttpResponse<String> peek = Http.get(sut.url(Service.ORDER) + "/api/v1/orders/" + bobsOrder, "Authorization", asAlice);
        assertEquals(404, peek.statusCode());
        assertEquals("ORDER_NOT_FOUND", Http.json(peek).get("code").asText());
        HttpResponse<String> list = Http.get(sut.url(Service.ORDER) + "/api/v1/orders?customerId=" + bob, "Authorization", asAlice);
        assertEquals(1, Http.json(list).size(), list.body());
        assertEquals(alice, Http.json(list).get(0).get("customerId").asText());

        assertEquals(200, Http.get(sut.url(Service.CUSTOMER) + "/api/v1/customers/" + alice, "Authorization", asAlice).statusCode());
        assertEquals(403, Http.get(sut.url(Service.CUSTOMER) + "/api/v1/customers/" + bob, "Authorization", asAlice).statusCode());
        assertEquals(200, Http.get(sut.url(Service.INVENTORY) + "/api/v1/products/" + sku, "Authorization", asAlice).statusCode());
        assertEquals(403, Http.get(sut.url(Service.PAYMENT) + "/api/v1/payments?orderId=" + bobsOrder,
                "Authorization", asAlice).statusCode());
    }

    @Test
    void oneIdempotencyKeyFromTwoCallersIsTwoOrders() {
        String customer = shop.customer();
        String sku = shop.product("5.00", 10);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> byCustomer = Http.post(sut.url(Service.ORDER) + "/api/v1/orders", Shop.order(customer, sku, 1),
                "Idempotency-Key", key, "Authorization", "Bearer " + Tokens.customer(customer));
        HttpResponse<String> byAdmin = shop.place(key, Shop.order(customer, sku, 1));
        assertEquals(201, byCustomer.statusCode(), byCustomer.body());
        assertEquals(201, byAdmin.statusCode(), byAdmin.body());
        assertNotEquals(Http.json(byCustomer).get("id").asText(), Http.json(byAdmin).get("id").asText());
        assertTrue(byAdmin.headers().firstValue("Idempotent-Replayed").isEmpty());
    }

    @Test
    void theServiceRoleCannotUseOrderService() {
        HttpResponse<String> response = Http.get(sut.url(Service.ORDER) + "/api/v1/orders",
                "Authorization", "Bearer " + Tokens.service());
        assertEquals(403, response.statusCode());
        assertEquals("FORBIDDEN", Http.json(response).get("code").asText());
    }

    private static void assertUnauthenticated(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("UNAUTHENTICATED", Http.json(response).get("code").asText());
    }
}
