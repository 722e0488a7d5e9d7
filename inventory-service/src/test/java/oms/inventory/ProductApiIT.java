package oms.inventory;

import oms.chassis.testing.ManagementSurface;
import oms.chassis.testing.Concurrently;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class ProductApiIT extends TestDatabase {

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    private Api api() {
        return new Api(http.toBlocking());
    }

    private static String sku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createsProductAndReadsItBack() {
        String sku = sku("BOOK");
        HttpResponse<Map<String, Object>> created = api().exchange(HttpRequest.POST("/api/v1/products",
                Map.of("sku", sku, "name", "  Guide  ", "unitPrice", new BigDecimal("12.50"), "available", 7)));
        assertEquals(HttpStatus.CREATED, created.getStatus());
        assertEquals("/api/v1/products/" + sku, created.header("Location"));
        Map<String, Object> body = created.body();
        assertEquals("Guide", body.get("name"));
        assertEquals(0, new BigDecimal("12.50").compareTo(new BigDecimal(body.get("unitPrice").toString())));
        assertEquals("USD", body.get("currency"));
        assertEquals(7, body.get("available"));
        assertEquals(0, body.get("reserved"));
        assertNotNull(body.get("createdAt"));
        assertEquals(body, api().get("/api/v1/products/" + sku));
        assertEquals(7, assertConserved(sku).totalStock());
    }

    @Test
    void rejectsTakenSkuAndKeepsTheFirstProduct() {
        String sku = sku("MUG");
        api().createProduct(sku, "5.00", 3);
        Map<String, Object> body = api().problem(HttpRequest.POST("/api/v1/products",
                Map.of("sku", sku, "name", "Other", "unitPrice", 9, "available", 99)), HttpStatus.CONFLICT);
        assertEquals("SKU_TAKEN", body.get("code"));
        assertEquals(3, api().get("/api/v1/products/" + sku).get("available"));
    }

    @Test
    void concurrentCreatesOfOneSkuMakeExactlyOneProduct() throws Exception {
        String sku = sku("RACE");
        List<Integer> codes = Concurrently.run(20, i -> api().status(HttpRequest.POST("/api/v1/products",
                Map.of("sku", sku, "name", "R", "unitPrice", 1, "available", 1))));
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes::toString);
        assertEquals(19, codes.stream().filter(c -> c == 409).count(), codes::toString);
    }

    @Test
    void answersMissingProductWith404() {
        String missing = sku("NOPE");
        List<HttpRequest<?>> requests = List.of(
                HttpRequest.GET("/api/v1/products/" + missing),
                HttpRequest.PATCH("/api/v1/products/" + missing, Map.of("name", "x")),
                HttpRequest.PUT("/api/v1/products/" + missing + "/stock", Map.of("available", 1)),
                HttpRequest.GET("/api/v1/products/" + missing + "/availability?quantity=1"));
        for (HttpRequest<?> request : requests) {
            assertEquals("PRODUCT_NOT_FOUND", api().problem(request, HttpStatus.NOT_FOUND).get("code"));
        }
    }

    @Test
    void listsProductsInSkuOrderPageByPage() {
        String prefix = "LIST-" + UUID.randomUUID().toString().substring(0, 4) + "-";
        for (String suffix : List.of("c", "a", "b")) {
            api().createProduct(prefix + suffix, "1.00", 1);
        }
        List<String> all = api().list("/api/v1/products?size=100").stream().map(p -> (String) p.get("sku")).toList();
        assertEquals(all.stream().sorted().toList(), all);
        assertTrue(all.containsAll(List.of(prefix + "a", prefix + "b", prefix + "c")));
        List<Map<String, Object>> second = api().list("/api/v1/products?page=1&size=1");
        assertEquals(all.get(1), second.get(0).get("sku"));
        assertEquals(1, second.size());
    }

    @Test
    void patchChangesOnlyTheGivenFields() {
        String sku = sku("LAMP");
        api().createProduct(sku, "20.00", 4);
        Map<String, Object> patched = api().expect(HttpStatus.OK,
                HttpRequest.PATCH("/api/v1/products/" + sku, Map.of("unitPrice", new BigDecimal("19.99"))));
        assertEquals("Product " + sku, patched.get("name"));
        assertEquals(0, new BigDecimal("19.99").compareTo(new BigDecimal(patched.get("unitPrice").toString())));
        assertEquals(4, patched.get("available"));
        Map<String, Object> renamed = api().expect(HttpStatus.OK,
                HttpRequest.PATCH("/api/v1/products/" + sku, Map.of("name", "Desk lamp")));
        assertEquals("Desk lamp", renamed.get("name"));
        assertEquals(patched.get("unitPrice"), renamed.get("unitPrice"));
    }

    @Test
    void settingStockMovesTotalStockByTheSameAmount() {
        String sku = sku("PEN");
        api().createProduct(sku, "1.00", 10);
        api().expect(HttpStatus.CREATED, Api.reserve(UUID.randomUUID(), Map.of(sku, 3)));
        Map<String, Object> set = api().expect(HttpStatus.OK,
                HttpRequest.PUT("/api/v1/products/" + sku + "/stock", Map.of("available", 2)));
        assertEquals(2, set.get("available"));
        assertEquals(3, set.get("reserved"));
        assertEquals(new Stock(2, 3, 5, 0), assertConserved(sku));
        api().expect(HttpStatus.OK, HttpRequest.PUT("/api/v1/products/" + sku + "/stock", Map.of("available", 40)));
        assertEquals(new Stock(40, 3, 43, 0), assertConserved(sku));
    }

    @Test
    void availabilityTellsWhetherEnoughIsFree() {
        String sku = sku("CUP");
        api().createProduct(sku, "3.00", 5);
        Map<String, Object> enough = api().get("/api/v1/products/" + sku + "/availability?quantity=5");
        assertEquals(Map.of("sku", sku, "requested", 5, "available", 5, "sufficient", true), enough);
        Map<String, Object> short1 = api().get("/api/v1/products/" + sku + "/availability?quantity=6");
        assertEquals(false, short1.get("sufficient"));
    }

    @Test
    void healthShowsAnonymousCallersTheStatusOnly() {
        ManagementSurface.assertAnonymousHealthIsStatusOnly(server.getURL());
    }

    @Test
    void everyOtherManagementEndpointIsOff() {
        ManagementSurface.assertOtherEndpointsAreOff(server.getURL());
    }
}
