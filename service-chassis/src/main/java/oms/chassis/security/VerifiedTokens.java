package oms.chassis.security;

import com.nimbusds.jwt.JWT;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the tokens this service has verified, until they expire. A client's token, and
 * order-service's service token above all, comes back on request after request: verified once, it
 * is not parsed and its signature checked again each time. A token it has not seen goes to the
 * framework's JWT validator (signature, issuer, audience, expiry; keys from the secret or the
 * identity provider's JWKS), and only one it accepts is remembered, never past its {@code exp}.
 */
@Singleton
class VerifiedTokens {

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

    /** The authentication of a token verified before and not yet expired; null otherwise. */
    @Nullable
    Authentication recall(String token) {
        Verified known = verified.get(token);
        if (known == null) {
            return null;
        }
        if (clock.instant().isBefore(known.expires())) {
            return known.authentication();
        }
        verified.remove(token);
        return null;
    }

    /**
     * Verifies a token; completes with null when it is refused. Asynchronous because the keys of an
     * identity provider may first have to be fetched.
     */
    CompletableFuture<Authentication> verify(String token, HttpRequest<?> request) {
        CompletableFuture<Authentication> verified = new CompletableFuture<>();
        jwt.validateToken(token, request).subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            public void onNext(Authentication authentication) {
                remember(token, authentication);
                verified.complete(authentication);
            }

            @Override
            public void onError(Throwable refusal) {
                verified.complete(null);
            }

            @Override
            public void onComplete() {
                verified.complete(null);
            }
        });
        return verified;
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
}
