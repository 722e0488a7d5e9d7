package oms.chassis.security;

import com.nimbusds.jwt.JWT;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    /** Accepts the tokens named "good-...", each valid for a minute from NOW; counts how often it is asked. */
    private final AtomicInteger asked = new AtomicInteger();
    private final ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> jwt = new ReactiveJsonWebTokenValidator<>() {
        @Override
        public Publisher<JWT> validate(String token, HttpRequest<?> request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
            asked.incrementAndGet();
            return token.startsWith("good-")
                    ? Publishers.just(Authentication.build(token, List.of("admin"),
                            Map.of("exp", Date.from(NOW.plus(Duration.ofMinutes(1))))))
                    : Publishers.empty();
        }
    };

    @Test
    void aTokenVerifiedOnceIsNotVerifiedAgainUntilItExpires() {
        MovableClock clock = new MovableClock(NOW);
        VerifiedTokens tokens = new VerifiedTokens(jwt, clock);

        assertNull(tokens.recall("good-1"), "nothing is known before the first verification");
        assertEquals("good-1", tokens.verify("good-1", null).join().getName());
        assertEquals("good-1", tokens.recall("good-1").getName(), "the second request is answered from memory");
        assertEquals(1, asked.get());

        clock.now = NOW.plus(Duration.ofMinutes(2));
        assertNull(tokens.recall("good-1"), "past its exp the token must be verified again (and the validator refuses it if it is expired)");
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(jwt, new MovableClock(NOW));
        for (int i = 0; i < 3; i++) {
            assertNull(tokens.recall("forged"));
            assertNull(tokens.verify("forged", null).join());
        }
        assertEquals(3, asked.get(), "each try of a refused token goes to the validator");
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
