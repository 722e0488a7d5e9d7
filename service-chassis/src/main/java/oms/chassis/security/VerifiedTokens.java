package oms.chassis.security;

import com.nimbusds.jwt.JWT;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the tokens this service has verified, until they expire. A client's token, and
 * order-service's service token above all, comes back on request after request: verified once, it
 * is not parsed and its signature checked again each time. (Authentication as a whole costs about a
 * fifth of the orders/s, docs/benchmarks.md 2026-12-01; this removes its per-request JWT work, not
 * the filter chain.) Runs before the JWT validator; a token it has not seen goes to that validator,
 * and only one it accepts is remembered, never past its {@code exp}.
 */
@Singleton
class VerifiedTokens implements TokenValidator<HttpRequest<?>> {

    /** Enough for every client of a busy service; past it the memory starts again from empty. */
    static final int MAX_TOKENS = 10_000;

    private final ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> jwt;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(Authentication authentication, Instant expires) {
    }

    VerifiedTokens(ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> jwt, Clock clock) {
        this.jwt = jwt;
        this.clock = clock;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        Verified known = verified.get(token);
        if (known != null) {
            if (clock.instant().isBefore(known.expires())) {
                return Publishers.just(known.authentication());
            }
            verified.remove(token);
        }
        return Publishers.map(jwt.validateToken(token, request), authentication -> {
            remember(token, authentication);
            return authentication;
        });
    }

    private void remember(String token, Authentication authentication) {
        Instant expires = expiry(authentication.getAttributes().get("exp"));
        if (expires == null) {
            return;
        }
        if (verified.size() >= MAX_TOKENS) {
            verified.clear();
        }
        verified.put(token, new Verified(authentication, expires));
    }

    private static Instant expiry(Object exp) {
        if (exp instanceof Date date) {
            return date.toInstant();
        }
        if (exp instanceof Instant instant) {
            return instant;
        }
        if (exp instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return null;
    }

    /** Before the JWT validator, whose order is 0. */
    @Override
    public int getOrder() {
        return -100;
    }
}
