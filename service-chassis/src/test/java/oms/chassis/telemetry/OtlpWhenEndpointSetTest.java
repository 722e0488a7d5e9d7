package oms.chassis.telemetry;

import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OtlpWhenEndpointSetTest {

    @Test
    void exportsOverOtlpOnlyWhenAnEndpointIsSet() {
        assertEquals(Map.of("otel.traces.exporter", "otlp"), overrides(Map.of(
                "otel.exporter.otlp.endpoint", "http://jaeger:4317", "otel.traces.exporter", "none")));
    }

    @Test
    void recordsNoSpanOfItsOwnWithoutAnExporter() {
        Map<String, String> unrecorded = Map.of("otel.traces.sampler", "parentbased_always_off");
        assertEquals(unrecorded, overrides(Map.of("otel.traces.exporter", "none")));
        // compose passes OTEL_EXPORTER_OTLP_ENDPOINT through even when the shell has none: empty means unset
        assertEquals(unrecorded, overrides(Map.of("otel.exporter.otlp.endpoint", "", "otel.traces.exporter", "none")));
        assertEquals(Map.of(), overrides(Map.of("otel.traces.exporter", "none", "otel.traces.sampler", "always_on")),
                "an explicit sampler wins");
    }

    @Test
    void leavesAnExplicitlyChosenExporterAlone() {
        assertEquals(Map.of(), overrides(Map.of(
                "otel.exporter.otlp.endpoint", "http://collector:4317", "otel.traces.exporter", "zipkin")));
    }

    private static Map<String, String> overrides(Map<String, String> properties) {
        return OtlpWhenEndpointSet.overrides(DefaultConfigProperties.createFromMap(properties));
    }
}
