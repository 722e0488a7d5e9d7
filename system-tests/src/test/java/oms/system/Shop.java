package oms.system;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The calls a shop makes, against a running system: customers, products and orders. */
final class Shop {

    private final SystemUnderTest sut;

    Shop(SystemUnderTest sut) {
        this.sut = sut;
    }

    String customer() {
        HttpResponse<String> created = Http.post(sut.url(Service.CUSTOMER) + "/api/v1/customers",
                "{\"name\":\"Shopper\",\"email\":\"shopper-" + UUID.randomUUID() + "@example.com\"}");
        assertEquals(201, created.statusCode(), created.body());
        return Http.json(created).get("id").asText();
    }

    String suspendedCustomer() {
        String id = customer();
        HttpResponse<String> patched = Http.send("PATCH", sut.url(Service.CUSTOMER) + "/api/v1/customers/" + id,
                "{\"status\":\"SUSPENDED\"}");
        assertEquals(200, patched.statusCode(), patched.body());
        return id;
    }

    String product(String price, int available) {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = Http.post(sut.url(Service.INVENTORY) + "/api/v1/products",
                "{\"sku\":\"" + sku + "\",\"name\":\"Thing\",\"unitPrice\":" + price + ",\"available\":" + available + "}");
        assertEquals(201, created.statusCode(), created.body());
        return sku;
    }

    JsonNode stock(String sku) {
        return Http.json(Http.get(sut.url(Service.INVENTORY) + "/api/v1/products/" + sku));
    }

    static String order(String customerId, String sku, int quantity) {
        return "{\"customerId\":\"" + customerId + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}]}";
    }

    HttpResponse<String> place(String key, String body) {
        return Http.post(sut.url(Service.ORDER) + "/api/v1/orders", body, "Idempotency-Key", key);
    }

    HttpResponse<String> place(String body) {
        return place(UUID.randomUUID().toString(), body);
    }

    JsonNode orderById(String id) {
        return Http.json(Http.get(sut.url(Service.ORDER) + "/api/v1/orders/" + id));
    }

    JsonNode ordersOf(String customerId) {
        return Http.json(Http.get(sut.url(Service.ORDER) + "/api/v1/orders?size=100&customerId=" + customerId));
    }

    JsonNode paymentsOf(String orderId) {
        return Http.json(Http.get(sut.url(Service.PAYMENT) + "/api/v1/payments?orderId=" + orderId));
    }
}
