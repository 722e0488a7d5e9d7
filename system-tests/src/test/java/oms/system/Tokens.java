package oms.system;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Bearer tokens for the system under test, made as scripts/token makes them (HS256 over the shared
 * secret the services are launched with). The secret is new for every test JVM, like a first start.
 */
final class Tokens {

    /** The JWT_SECRET every launched service gets. */
    static final String SECRET = newSecret();
    static final String ISSUER = "oms-local";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    static String admin() {
        return mint("system-test-admin", "admin", SECRET);
    }

    static String service() {
        return mint("system-test-service", "service", SECRET);
    }

    static String customer(String customerId) {
        return mint(UUID.fromString(customerId).toString(), "customer", SECRET);
    }

    /** A token signed with {@code secret}: the system's own secret, or another one to forge with. */
    static String mint(String subject, String role, String secret) {
        long now = Instant.now().getEpochSecond();
        String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = encode("{\"sub\":\"" + subject + "\",\"roles\":[\"" + role + "\"],\"iss\":\"" + ISSUER
                + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}");
        String signingInput = header + "." + payload;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
