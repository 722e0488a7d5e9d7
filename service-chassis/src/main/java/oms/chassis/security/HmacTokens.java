package oms.chassis.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * HS256 tokens under the local shared secret: what {@code scripts/token} makes with openssl, made in
 * Java for a service's own outbound token and for tests. The secret is used as its UTF-8 bytes.
 */
public final class HmacTokens {

    /** HS256 wants a key of at least 256 bits; a shorter one would be refused at every request. */
    public static final int MIN_SECRET_BYTES = 32;

    private final byte[] secret;
    private final String issuer;

    public HmacTokens(String secret, String issuer) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        if (this.secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("JWT_SECRET must be at least " + MIN_SECRET_BYTES + " bytes long");
        }
        this.issuer = issuer;
    }

    /** A signed token for {@code subject} with these roles, valid from now for {@code ttl}. */
    public String mint(String subject, List<String> roles, Duration ttl) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .claim("roles", roles)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return jwt.serialize();
    }

    /** True when the token carries HS256 and its signature is this secret's. */
    boolean verify(SignedJWT jwt) throws JOSEException {
        return JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) && jwt.verify(new MACVerifier(secret));
    }
}
