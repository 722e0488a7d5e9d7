package oms.customer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import oms.chassis.testing.Access;
import oms.chassis.testing.RawHttp;
import oms.chassis.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Production mode: tokens of an outside identity provider, verified with the keys its JWKS URL
 * serves (here a small HTTP server of the test's own, with an RSA key made for the test).
 */
@MicronautTest
class JwksIT extends TestDatabase {

    private static final RSAKey PROVIDER_KEY = rsaKey("provider-key");
    private static final HttpServer PROVIDER = jwksServer(new JWKSet(PROVIDER_KEY.toPublicJWK()));

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("jwks.url", "http://127.0.0.1:" + PROVIDER.getAddress().getPort() + "/jwks.json");
        return properties;
    }

    @AfterAll
    void stopProvider() {
        PROVIDER.stop(0);
    }

    @Test
    void acceptsTheProvidersTokenAndRefusesAnotherKeysWithTheSameKeyId() {
        String good = token(PROVIDER_KEY, "oms-local");
        assertEquals(200, RawHttp.send(server.getURL(), "GET", "/api/v1/customers", good, null).statusCode());

        String impostor = token(rsaKey("provider-key"), "oms-local");
        Access.assertUnauthenticated(RawHttp.send(server.getURL(), "GET", "/api/v1/customers", impostor, null));
        String foreignIssuer = token(PROVIDER_KEY, "https://another-idp.example");
        Access.assertUnauthenticated(RawHttp.send(server.getURL(), "GET", "/api/v1/customers", foreignIssuer, null));
    }

    private static String token(RSAKey key, String issuer) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("ops@example.com").issuer(issuer)
                .claim("roles", List.of("admin")).expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer jwksServer(JWKSet keys) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = keys.toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
