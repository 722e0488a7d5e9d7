package oms.chassis.telemetry;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.PropertySource;

import java.util.Map;

/**
 * The telemetry settings every service shares, as defaults below each service's application.yml
 * (which, like the environment, can still override them): so the four services expose the same
 * GET /prometheus without four copies of this block.
 */
@ContextConfigurer
public final class TelemetryDefaults implements ApplicationContextConfigurer {

    /** Below application.yml's position (-300): a service's own file wins. */
    static final int POSITION = -400;

    static final Map<String, Object> SETTINGS = Map.of(
            "micronaut.metrics.enabled", true,
            "micronaut.metrics.export.prometheus.enabled", true,
            "micronaut.metrics.export.prometheus.descriptions", true,
            "micronaut.metrics.binders.jdbc.enabled", true,
            "micronaut.metrics.binders.web.enabled", true,
            // Scrapes are anonymous and carry no secret; the id must be exactly "prometheus".
            "endpoints.prometheus.enabled", true,
            "endpoints.prometheus.sensitive", false);

    @Override
    public void configure(ApplicationContextBuilder builder) {
        builder.propertySources(PropertySource.of("oms-telemetry-defaults", SETTINGS, POSITION));
    }
}
