package oms.chassis.testing;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.env.PropertySource;

import java.util.Map;

/**
 * Gives every application a test starts the fixed {@link TestTokens#SECRET}, so the services' own
 * tests need no key set up. On the test classpath only (the chassis test-jar); a test that needs
 * another key sets {@code jwt.secret} itself, which wins over this.
 */
public class TestSecurity implements ApplicationContextConfigurer {

    /** Above environment variables (-100), so a JWT_SECRET in the developer's shell does not break the tests. */
    private static final int ORDER = -90;

    @Override
    public void configure(ApplicationContextBuilder builder) {
        builder.propertySources(PropertySource.of("oms-test-security", Map.of("jwt.secret", TestTokens.SECRET), ORDER));
    }
}
