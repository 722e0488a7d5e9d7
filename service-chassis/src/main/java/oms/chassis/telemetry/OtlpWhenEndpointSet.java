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
 * Sampling stays OpenTelemetry's default, parentbased_always_on: a caller's decision is kept, and
 * a new trace is always sampled.
 */
@Singleton
class OtlpWhenEndpointSet implements OpenTelemetryBuilderCustomizer {

    static final String ENDPOINT = "otel.exporter.otlp.endpoint";
    static final String TRACES_EXPORTER = "otel.traces.exporter";

    @Override
    public void configure(AutoConfiguredOpenTelemetrySdkBuilder builder) {
        builder.addPropertiesCustomizer(OtlpWhenEndpointSet::overrides);
    }

    static Map<String, String> overrides(ConfigProperties config) {
        String endpoint = config.getString(ENDPOINT);
        boolean exporterChosen = !"none".equals(config.getString(TRACES_EXPORTER, "none"));
        return endpoint == null || endpoint.isBlank() || exporterChosen
                ? Map.of()
                : Map.of(TRACES_EXPORTER, "otlp");
    }
}
