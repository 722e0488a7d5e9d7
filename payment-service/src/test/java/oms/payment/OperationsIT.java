package oms.payment;

import oms.chassis.testing.ManagementSurface;
import oms.chassis.testing.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What operators and API users rely on besides the payments themselves: health and the API docs. */
@MicronautTest
class OperationsIT extends TestDatabase {

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void countsAuthorizationsByOutcomeOnTheScrapeEndpoint() {
        String customer = java.util.UUID.randomUUID().toString();
        for (String amount : List.of("10.00", "5000.00")) {
            String body = "{\"orderId\": \"" + java.util.UUID.randomUUID() + "\", \"customerId\": \"" + customer
                    + "\", \"amount\": " + amount + ", \"currency\": \"USD\"}";
            http.toBlocking().exchange(HttpRequest.POST("/api/v1/payments", body).contentType(MediaType.APPLICATION_JSON_TYPE));
        }
        String metrics = http.toBlocking().retrieve(HttpRequest.GET("/prometheus"));
        assertTrue(metrics.contains("oms_payment_authorizations_total{outcome=\"AUTHORIZED\",service=\"payment-service\"} 1.0"), metrics);
        assertTrue(metrics.contains("oms_payment_authorizations_total{outcome=\"DECLINED\",service=\"payment-service\"} 1.0"), metrics);
        assertTrue(metrics.contains("hikaricp_connections_max{"), "connection pool metrics");
    }

    @Test
    void healthShowsAnonymousCallersTheStatusOnly() {
        ManagementSurface.assertAnonymousHealthIsStatusOnly(server.getURL());
    }

    @Test
    void everyOtherManagementEndpointIsOff() {
        ManagementSurface.assertOtherEndpointsAreOff(server.getURL());
    }

    @Test
    void servesTheOpenApiDocumentWithRequestExamples() {
        String spec = http.toBlocking().retrieve(HttpRequest.GET("/swagger/payment-service.yml"));
        assertTrue(spec.contains("/api/v1/payments/{id}/void"), spec);
        assertTrue(spec.contains("/api/v1/payments/voids"), spec);
        assertTrue(spec.contains("AuthorizePaymentRequest"), spec);
        assertTrue(spec.contains("example"), spec);
    }

    @Test
    void servesSwaggerUi() {
        HttpResponse<String> ui = http.toBlocking().exchange(HttpRequest.GET("/swagger-ui/index.html"), String.class);
        assertEquals(HttpStatus.OK, ui.getStatus());
    }
}
