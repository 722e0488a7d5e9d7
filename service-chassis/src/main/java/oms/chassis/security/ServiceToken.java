package oms.chassis.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The token a service sends when it calls another service: its own, never its caller's.
 * {@code SERVICE_TOKEN} set (production: a token the identity provider issued, e.g. by a
 * client-credentials grant run by the deployment) is sent as it is; otherwise, with the local
 * {@code JWT_SECRET}, the service mints one for itself (role {@code service}) and renews it before it
 * runs out. With neither there is no token and the callee answers 401.
 */
@Singleton
public class ServiceToken {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceToken.class);
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private final String staticToken;
    private final HmacTokens local;
    private final String subject;
    private Minted current;

    private record Minted(String token, Instant renewAt) {
    }

    ServiceToken(@Value("${service.token:}") String staticToken, @Value("${jwt.secret:}") String secret,
                 @Value("${jwt.issuer:" + SecurityDefaults.DEFAULT_ISSUER + "}") String issuer,
                 @Value("${micronaut.application.name:service}") String subject) {
        this.staticToken = staticToken.strip();
        this.local = staticToken.isBlank() && !secret.isBlank() ? new HmacTokens(secret, issuer) : null;
        this.subject = subject;
        if (this.staticToken.isEmpty() && local == null) {
            LOG.warn("No SERVICE_TOKEN and no JWT_SECRET: calls to other services go without a token");
        }
    }

    /** The bearer token to send now, if this service has one. */
    public synchronized Optional<String> bearer() {
        if (!staticToken.isEmpty()) {
            return Optional.of(staticToken);
        }
        if (local == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        if (current == null || now.isAfter(current.renewAt())) {
            current = new Minted(local.mint(subject, List.of(Roles.SERVICE), LIFETIME), now.plus(LIFETIME).minus(RENEW_BEFORE));
        }
        return Optional.of(current.token());
    }
}
