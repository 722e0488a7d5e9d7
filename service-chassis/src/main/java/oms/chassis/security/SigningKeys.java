package oms.chassis.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys tokens are verified with. The local shared secret is one; an identity provider's JWKS
 * ({@code JWKS_URL}) is configured by {@link SecurityDefaults} and verified by the framework.
 */
@Factory
class SigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

    @Singleton
    @Named("local-secret")
    @Requires(property = "jwt.secret")
    SignatureConfiguration localSecret(@Value("${jwt.secret}") String secret,
                                       @Value("${jwt.issuer:" + SecurityDefaults.DEFAULT_ISSUER + "}") String issuer) {
        HmacTokens tokens = new HmacTokens(secret, issuer);
        return new SignatureConfiguration() {
            @Override
            public String supportedAlgorithmsMessage() {
                return "Only HS256 is supported";
            }

            @Override
            public boolean supports(JWSAlgorithm algorithm) {
                return JWSAlgorithm.HS256.equals(algorithm);
            }

            @Override
            public boolean verify(SignedJWT jwt) throws JOSEException {
                return tokens.verify(jwt);
            }
        };
    }

    /**
     * Always present, and never verifies anything. With no key configured at all the framework would
     * otherwise take an unsigned ({@code alg: none}) token as verified; with this one it refuses every
     * token, so a service without keys fails closed.
     */
    @Singleton
    @Named("fail-closed")
    SignatureConfiguration failClosed(@Value("${jwt.secret:}") String secret, @Value("${jwks.url:}") String jwks) {
        if (secret.isBlank() && jwks.isBlank()) {
            LOG.warn("No JWT_SECRET and no JWKS_URL: every token is refused");
        }
        return new SignatureConfiguration() {
            @Override
            public String supportedAlgorithmsMessage() {
                return "No algorithm";
            }

            @Override
            public boolean supports(JWSAlgorithm algorithm) {
                return false;
            }

            @Override
            public boolean verify(SignedJWT jwt) {
                return false;
            }
        };
    }
}
