package oms.system.hostile;

import oms.system.Service;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Every operation that takes a body, with a body its schema allows built from random values. */
enum Operation {
    CREATE_CUSTOMER(Service.CUSTOMER, "POST", "/api/v1/customers"),
    UPDATE_CUSTOMER(Service.CUSTOMER, "PATCH", "/api/v1/customers/{customer}"),
    CREATE_PRODUCT(Service.INVENTORY, "POST", "/api/v1/products"),
    UPDATE_PRODUCT(Service.INVENTORY, "PATCH", "/api/v1/products/{sku}"),
    SET_STOCK(Service.INVENTORY, "PUT", "/api/v1/products/{sku}/stock"),
    RESERVE(Service.INVENTORY, "POST", "/api/v1/reservations"),
    AUTHORIZE(Service.PAYMENT, "POST", "/api/v1/payments"),
    PLACE_ORDER(Service.ORDER, "POST", "/api/v1/orders");

    final Service service;
    final String method;
    private final String path;

    Operation(Service service, String method, String path) {
        this.service = service;
        this.method = method;
        this.path = path;
    }

    String path(Fixture fixture) {
        return path.replace("{customer}", fixture.customerId()).replace("{sku}", fixture.sku());
    }

    Map<String, Object> validBody(Fixture fixture, Random random) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (this) {
            case CREATE_CUSTOMER -> {
                body.put("name", name(random));
                body.put("email", "h" + UUID.randomUUID() + "@ex-" + random.nextInt(100) + ".io");
            }
            case UPDATE_CUSTOMER -> body.put("name", name(random));
            case CREATE_PRODUCT -> {
                body.put("sku", "H-" + UUID.randomUUID());
                body.put("name", name(random));
                body.put("unitPrice", price(random));
                body.put("available", random.nextInt(1000));
            }
            case UPDATE_PRODUCT -> body.put("name", name(random));
            case SET_STOCK -> body.put("available", 1000 + random.nextInt(1000));
            case RESERVE -> {
                body.put("orderId", UUID.randomUUID().toString());
                body.put("items", List.of(Map.of("sku", sku(fixture, random), "quantity", 1 + random.nextInt(3))));
            }
            case AUTHORIZE -> {
                body.put("orderId", UUID.randomUUID().toString());
                body.put("customerId", fixture.customerId());
                body.put("amount", price(random));
                body.put("currency", "USD");
            }
            case PLACE_ORDER -> {
                body.put("customerId", fixture.customerId());
                body.put("items", List.of(Map.of("sku", sku(fixture, random), "quantity", 1 + random.nextInt(3))));
            }
        }
        return body;
    }

    /** Real Unicode: accents, CJK, emoji. */
    private static String name(Random random) {
        String[] parts = {"Zoë", "山田", "🚀", "Ada", "Łódź", "O'Brien", "Ñandú", "😀👍"};
        return parts[random.nextInt(parts.length)] + " " + parts[random.nextInt(parts.length)];
    }

    private static BigDecimal price(Random random) {
        return BigDecimal.valueOf(1 + random.nextInt(50_000), 2);
    }

    /** Mostly the known product, sometimes an unknown one: both are answers the contract defines. */
    private static String sku(Fixture fixture, Random random) {
        return random.nextInt(4) == 0 ? "NOPE-" + random.nextInt(1000) : fixture.sku();
    }
}
