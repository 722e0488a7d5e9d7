package oms.chassis.telemetry;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.List;

/** Tags every meter with the service that wrote it, so one Prometheus query can span all four. */
@Factory
class CommonTags {

    @Singleton
    MeterFilter serviceTag(@Value("${micronaut.application.name}") String service) {
        return MeterFilter.commonTags(List.of(Tag.of("service", service)));
    }
}
