package oms.chassis.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys tokens are verified with: the local shared secret ({@code JWT_SECRET}) and an identity
 * provider's key set ({@code JWKS_URL}), which the framework fetches, caches and verifies with.
 */
@Factory
class SigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    private static final String IDENTITY_PROVIDER = "identity-provider";
    /** How long fetched provider keys are used before they are fetched again. */
    private static final int JWKS_CACHE_SECONDS = 300;

    @Singleton
    @Named("local-secret")
    @Requires(property = "jwt.secret", pattern = ".+")
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

    @Singleton
    @Named(IDENTITY_PROVIDER)
    @Requires(property = "jwks.url", pattern = ".+")
    JwksSignatureConfiguration identityProvider(@Value("${jwks.url}") String url) {
        return new JwksSignatureConfiguration() {
            @Override
            public String getName() {
                return IDENTITY_PROVIDER;
            }

            @Override
            public String getUrl() {
                return url;
            }

            /** Any key type the provider publishes (RSA or EC). */
            @Override
            public KeyType getKeyType() {
                return null;
            }

            @Override
            @SuppressWarnings("removal")
            public Integer getCacheExpiration() {
                return JWKS_CACHE_SECONDS;
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
