package oms.chassis.security;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.env.PropertySource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The security settings every service shares, so that a service's application.yml carries only
 * what differs. They sit below application.yml (order {@value #ORDER}; application.yml is -300),
 * so a service or a test can still override any of them.
 * <p>
 * The knobs are environment variables: {@code JWT_SECRET} (HS256, local use) and {@code JWKS_URL} (an
 * identity provider's keys), see {@link SigningKeys}; {@code JWT_ISSUER} (default {@code oms-local});
 * {@code JWT_AUDIENCE} (checked when set); {@code SERVICE_TOKEN} (see {@link ServiceToken}).
 */
public class SecurityDefaults implements ApplicationContextConfigurer {

    static final int ORDER = -400;
    static final String DEFAULT_ISSUER = "oms-local";

    @Override
    public void configure(ApplicationContextBuilder builder) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("micronaut.security.enabled", true);
        // Bearer tokens only: no login endpoints, no basic auth challenge, no redirects for browsers.
        settings.put("micronaut.security.basic-auth.enabled", false);
        settings.put("micronaut.security.redirect.enabled", false);
        // AccessFilter decides instead of the framework's filter, at a fraction of its cost (and answers
        // an unknown path 404 for everyone, which the framework's reject-not-found setting did).
        settings.put("micronaut.security.filter.enabled", false);
        settings.put("micronaut.security.token.roles-name", "roles");
        settings.put("micronaut.security.token.jwt.claims-validators.issuer", "${jwt.issuer:" + DEFAULT_ISSUER + "}");
        setting("JWT_AUDIENCE", "jwt.audience").ifPresent(audience ->
                settings.put("micronaut.security.token.jwt.claims-validators.audience", audience));
        builder.propertySources(PropertySource.of("oms-security-defaults", settings, ORDER));
    }

    /** Read before the context exists, so from the process environment or a system property. */
    private static Optional<String> setting(String env, String property) {
        String value = System.getenv(env);
        if (value == null || value.isBlank()) {
            value = System.getProperty(property);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
