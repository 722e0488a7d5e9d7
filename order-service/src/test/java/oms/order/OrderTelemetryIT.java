package oms.order;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import oms.order.stub.StubDownstreams;
import oms.order.stub.WithStubDownstreams;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What order-service tells an operator: its metrics, and a trace id that follows an order everywhere. */
@MicronautTest
@Property(name = "spec.name", value = "OrderApiIT")   // the same stub downstreams
@Property(name = "telemetry.pending-refresh", value = "0s")
class OrderTelemetryIT extends WithStubDownstreams {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StubDownstreams.World world;


    @Test
    void countsSettledOrdersReplaysAndShowsBreakersPoolAndBacklog() {
        UUID customer = activeCustomerWithStock("METRICS");
        String before = scrape();
        String key = UUID.randomUUID().toString();
        assertEquals(201, post(key, order(customer, "METRICS", 1), null));
        assertEquals(201, post(key, order(customer, "METRICS", 1), null));      // a replay
        assertEquals(422, post(UUID.randomUUID().toString(), order(UUID.randomUUID(), "METRICS", 1), null));

        String after = scrape();
        assertEquals(1.0, increase(before, after, "oms_orders_total", "status=\"CONFIRMED\""));
        assertEquals(1.0, increase(before, after, "oms_orders_total", "status=\"REJECTED\""));
        assertEquals(0.0, increase(before, after, "oms_orders_total", "status=\"FAILED\""));
        assertEquals(1.0, increase(before, after, "oms_idempotent_replays_total", ""));
        assertEquals(1.0, increase(before, after, "oms_placement_seconds_count", "outcome=\"CONFIRMED\""));
        assertEquals(0.0, value(after, "oms_orders_pending", ""));
        assertEquals(1.0, value(after, "resilience4j_circuitbreaker_state", "name=\"payment\",service=\"order-service\",state=\"closed\""));
        assertTrue(after.contains("hikaricp_connections_active{"), "connection pool metrics");
        assertTrue(after.contains("http_client_requests_seconds_count{"), "client request metrics");
    }

    @Test
    void passesTheCallersTraceOnAndTagsTheOrdersLogLinesWithTraceAndOrderId() {
        UUID customer = activeCustomerWithStock("TRACED");
        List<ILoggingEvent> lines = new CopyOnWriteArrayList<>();
        AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                lines.add(event);
            }
        };
        capture.start();
        omsAppender().addAppender(capture);
        try {
            assertEquals(201, post(UUID.randomUUID().toString(), order(customer, "TRACED", 1),
                    "00-" + TRACE_ID + "-b7ad6b7169203331-01"));
        } finally {
            omsAppender().detachAppender(capture);
        }
        assertTrue(world.customerTraceparents.stream().anyMatch(t -> t.startsWith("00-" + TRACE_ID + "-")),
                "customer-service got " + world.customerTraceparents);
        ILoggingEvent settled = lines.stream().filter(e -> e.getFormattedMessage().endsWith(": CONFIRMED")).findFirst()
                .orElseThrow(() -> new AssertionError("no settlement line in " + lines));
        assertEquals(TRACE_ID, settled.getMDCPropertyMap().get("trace_id"));
        assertTrue(settled.getFormattedMessage().contains(settled.getMDCPropertyMap().get("order_id")), settled.toString());
    }

    private UUID activeCustomerWithStock(String sku) {
        UUID customer = UUID.randomUUID();
        world.activeCustomers.add(customer);
        world.stock.put(sku, new AtomicInteger(100));
        return customer;
    }

    private int post(String key, String body, String traceparent) {
        var request = HttpRequest.POST("/api/v1/orders", body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotency-Key", key);
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        try {
            return http.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    private static String order(UUID customerId, String sku, int quantity) {
        return "{\"customerId\": \"" + customerId + "\", \"items\": [{\"sku\": \"" + sku + "\", \"quantity\": " + quantity + "}]}";
    }

    private String scrape() {
        return http.toBlocking().retrieve("/prometheus");
    }

    private static double increase(String before, String after, String name, String labels) {
        return value(after, name, labels) - (before.contains(name + "{") ? value(before, name, labels) : 0.0);
    }

    /** The value of the one sample of {@code name} whose labels contain {@code labels}. */
    private static double value(String metrics, String name, String labels) {
        Matcher sample = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(metrics);
        while (sample.find()) {
            if (sample.group(1).contains(labels)) {
                return Double.parseDouble(sample.group(2));
            }
        }
        throw new AssertionError("no " + name + "{" + labels + "} in\n" + metrics);
    }

    @SuppressWarnings("unchecked")
    private static AppenderAttachable<ILoggingEvent> omsAppender() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        return (AppenderAttachable<ILoggingEvent>) root.getAppender("OMS");
    }

}
