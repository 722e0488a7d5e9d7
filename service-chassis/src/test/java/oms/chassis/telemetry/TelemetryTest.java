package oms.chassis.telemetry;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@Property(name = "spec.name", value = "TelemetryTest")
@Property(name = "micronaut.application.name", value = "chassis-test")
class TelemetryTest {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Inject
    @Client("/")
    HttpClient client;

    final List<ILoggingEvent> lines = new CopyOnWriteArrayList<>();
    final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            lines.add(event);
        }
    };

    @BeforeEach
    void captureLogs() {
        capture.start();
        omsAppender().addAppender(capture);
    }

    @AfterEach
    void stopCapturing() {
        omsAppender().detachAppender(capture);
    }

    @Test
    void prometheusEndpointServesServerMetricsTaggedWithTheService() {
        http().exchange(HttpRequest.GET("/api/telemetry-test/hello"));
        String text = http().retrieve(HttpRequest.GET("/prometheus"));
        assertTrue(text.contains("http_server_requests_seconds_count{"), "server request metrics");
        assertTrue(text.contains("service=\"chassis-test\""), "the service tag");
        assertTrue(text.contains("jvm_memory_used_bytes"), "JVM metrics");
    }

    @Test
    void honoursAnIncomingTraceparentAndPassesItOnWithEveryOutboundCall() {
        String seenDownstream = http().retrieve(HttpRequest.GET("/api/telemetry-test/relay").header("traceparent", TRACEPARENT));
        assertTrue(seenDownstream.startsWith("00-" + TRACE_ID + "-"), "downstream got " + seenDownstream);
    }

    @Test
    void everyLineWrittenWhileServingARequestCarriesItsTraceId() {
        http().exchange(HttpRequest.GET("/api/telemetry-test/hello").header("traceparent", TRACEPARENT));
        List<ILoggingEvent> traced = lines.stream().filter(e -> TRACE_ID.equals(e.getMDCPropertyMap().get("trace_id"))).toList();
        assertTrue(traced.stream().anyMatch(e -> e.getFormattedMessage().equals("saying hello")), "the controller's line: " + lines);
        assertTrue(traced.stream().anyMatch(e -> e.getLoggerName().equals("oms.access")
                && e.getFormattedMessage().startsWith("GET /api/telemetry-test/hello 200")), "the access line: " + lines);
        assertEquals(16, traced.get(0).getMDCPropertyMap().get("span_id").length(), "span id");
    }

    @Test
    void aRequestWithoutTraceparentStartsATrace() {
        http().exchange(HttpRequest.GET("/api/telemetry-test/hello"));
        String traceId = lines.stream().filter(e -> e.getLoggerName().equals("oms.access"))
                .map(e -> e.getMDCPropertyMap().get("trace_id")).findFirst().orElse("");
        assertTrue(traceId.matches("[0-9a-f]{32}") && !traceId.equals(TRACE_ID), "new trace id: " + traceId);
    }

    private BlockingHttpClient http() {
        return client.toBlocking();
    }

    @SuppressWarnings("unchecked")
    private static AppenderAttachable<ILoggingEvent> omsAppender() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        return (AppenderAttachable<ILoggingEvent>) root.getAppender("OMS");
    }

    @Requires(property = "spec.name", value = "TelemetryTest")
    @Controller("/api/telemetry-test")
    @Secured(SecurityRule.IS_ANONYMOUS)   // what is measured here is telemetry, not access
    @ExecuteOn(TaskExecutors.BLOCKING)
    static class Endpoints {
        private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(Endpoints.class);
        private final BlockingHttpClient self;

        Endpoints(@Client("/") HttpClient self) {
            this.self = self.toBlocking();
        }

        @Get("/hello")
        String hello() {
            LOG.info("saying hello");
            return "hello";
        }

        @Get("/relay")
        String relay() {
            return self.retrieve(HttpRequest.GET("/api/telemetry-test/echo"));
        }

        @Get("/echo")
        String echo(@Header("traceparent") @Nullable String traceparent) {
            return String.valueOf(traceparent);
        }
    }
}
