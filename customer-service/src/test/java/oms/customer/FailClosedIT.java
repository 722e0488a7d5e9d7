package oms.customer;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import oms.chassis.testing.Access;
import oms.chassis.testing.RawHttp;
import oms.chassis.testing.TestDatabase;
import oms.chassis.testing.TestTokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A service started without any key (no JWT_SECRET, no JWKS_URL) refuses every token, never accepts all. */
@MicronautTest
class FailClosedIT extends TestDatabase {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("jwt.secret", "");   // as an empty JWT_SECRET in the environment
        return properties;
    }

    @TestFactory
    Stream<DynamicTest> refusesEveryToken() {
        Map<String, String> tokens = new HashMap<>(TestTokens.forged());
        tokens.put("signed with the test secret", TestTokens.admin());
        return tokens.entrySet().stream().map(token -> DynamicTest.dynamicTest(token.getKey(), () ->
                Access.assertUnauthenticated(RawHttp.send(server.getURL(), "GET", "/api/v1/customers", token.getValue(), null))));
    }

    @Test
    void stillAnswersHealth() {
        assertEquals(200, RawHttp.send(server.getURL(), "GET", "/health", null, null).statusCode());
    }
}
