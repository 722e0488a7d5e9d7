package oms.chassis.telemetry;

import io.micronaut.tracing.opentelemetry.OpenTelemetryBuilderCustomizer;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Spans leave the process only when OTEL_EXPORTER_OTLP_ENDPOINT (or otel.exporter.otlp.endpoint)
 * names a collector: Micronaut's default exporter is "none", and an OTLP exporter without a
 * collector would log a connection error for every batch. An explicit otel.traces.exporter wins.
 * Sampling with an exporter stays OpenTelemetry's default, parentbased_always_on: a caller's
 * decision is kept, and a new trace is always sampled. Without one, nothing would ever read a
 * recorded span, and recording them was half of the tracing's cost per order (side by side,
 * 2026-12-01): the sampler is then parentbased_always_off. Trace and span ids are made and passed
 * on all the same (traceparent in and out, trace_id in every log line); a caller's sampled flag
 * still passes on. OTEL_TRACES_SAMPLER, when set, wins.
 */
@Singleton
class OtlpWhenEndpointSet implements OpenTelemetryBuilderCustomizer {

    static final String ENDPOINT = "otel.exporter.otlp.endpoint";
    static final String TRACES_EXPORTER = "otel.traces.exporter";
    static final String SAMPLER = "otel.traces.sampler";

    @Override
    public void configure(AutoConfiguredOpenTelemetrySdkBuilder builder) {
        builder.addPropertiesCustomizer(OtlpWhenEndpointSet::overrides);
    }

    static Map<String, String> overrides(ConfigProperties config) {
        if (!"none".equals(config.getString(TRACES_EXPORTER, "none"))) {
            return Map.of();
        }
        String endpoint = config.getString(ENDPOINT);
        if (endpoint != null && !endpoint.isBlank()) {
            return Map.of(TRACES_EXPORTER, "otlp");
        }
        return config.getString(SAMPLER) == null ? Map.of(SAMPLER, "parentbased_always_off") : Map.of();
    }
}
