package oms.chassis.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import oms.chassis.security.HmacTokens;
import oms.chassis.security.Roles;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Tokens the services under test accept: signed with {@link #SECRET}, which {@link TestSecurity} configures. */
public final class TestTokens {

    /** A fixed secret for tests only; never the one a running system uses. */
    public static final String SECRET = "oms-test-secret-of-at-least-thirty-two-bytes";
    public static final String ISSUER = "oms-local";

    private static final HmacTokens TOKENS = new HmacTokens(SECRET, ISSUER);
    private static final Duration LIFETIME = Duration.ofHours(1);

    private TestTokens() {
    }

    public static String admin() {
        return TOKENS.mint("test-admin", List.of(Roles.ADMIN), LIFETIME);
    }

    public static String service() {
        return TOKENS.mint("test-service", List.of(Roles.SERVICE), LIFETIME);
    }

    public static String customer(UUID customerId) {
        return TOKENS.mint(customerId.toString(), List.of(Roles.CUSTOMER), LIFETIME);
    }

    /** A token for any subject and roles, e.g. one with no role at all. */
    public static String of(String subject, List<String> roles) {
        return TOKENS.mint(subject, roles, LIFETIME);
    }

    /** Tokens every service must refuse with 401. */
    public static Map<String, String> forged() {
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("wrong signature", new HmacTokens("another-secret-that-is-at-least-32-bytes", ISSUER)
                .mint("test-admin", List.of(Roles.ADMIN), LIFETIME));
        forged.put("alg none", new PlainJWT(claims(ISSUER, Instant.now().plus(LIFETIME))).serialize());
        forged.put("expired", signed(claims(ISSUER, Instant.now().minus(Duration.ofMinutes(5)))));
        forged.put("wrong issuer", signed(claims("someone-else", Instant.now().plus(LIFETIME))));
        forged.put("no expiry", signed(new JWTClaimsSet.Builder().subject("test-admin").issuer(ISSUER)
                .claim("roles", List.of(Roles.ADMIN)).build()));
        forged.put("not a JWT", "not-a-token");
        return forged;
    }

    private static JWTClaimsSet claims(String issuer, Instant expires) {
        return new JWTClaimsSet.Builder().subject("test-admin").issuer(issuer).claim("roles", List.of(Roles.ADMIN))
                .expirationTime(Date.from(expires)).build();
    }

    private static String signed(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of an Authorization header carrying the token. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
