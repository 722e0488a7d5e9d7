package oms.order.client;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a call's tries add up to one outcome. */
class DownstreamTest {

    private final Downstream downstream = new Downstream(List.of(settings()), new SimpleMeterRegistry());

    @Test
    void aRefusedConnectionOnEveryTryMeansTheCallNeverHappened() {
        AtomicInteger tries = new AtomicInteger();
        DownstreamUnavailable e = assertThrows(DownstreamUnavailable.class, () -> downstream.call("payment", () -> {
            tries.incrementAndGet();
            throw refused();
        }));
        assertEquals(3, tries.get());
        assertFalse(e.outcomeUnknown());
    }

    @Test
    void aTimeoutOnAnyTryMakesTheOutcomeUnknownEvenIfTheLastTryWasRefused() {
        AtomicInteger tries = new AtomicInteger();
        DownstreamUnavailable e = assertThrows(DownstreamUnavailable.class, () -> downstream.call("payment", () -> {
            if (tries.incrementAndGet() == 1) {
                throw ReadTimeoutException.TIMEOUT_EXCEPTION;
            }
            throw refused();
        }));
        assertTrue(e.outcomeUnknown());
    }

    @Test
    void anOpenBreakerAfterATimeoutStillLeavesTheOutcomeUnknown() {
        for (int i = 0; i < 4; i++) {   // open the breaker: minimum 4 calls, all failed
            assertThrows(DownstreamUnavailable.class, () -> downstream.call("payment", () -> {
                throw refused();
            }));
        }
        DownstreamUnavailable open = assertThrows(DownstreamUnavailable.class, () -> downstream.call("payment", () -> "never"));
        assertFalse(open.outcomeUnknown(), "an open breaker alone sends nothing");
        assertEquals("OPEN", downstream.breakerStates().get("payment"));
    }

    private static HttpClientException refused() {
        return new HttpClientException("Connect Error", new ConnectException("Connection refused"));
    }

    private static DownstreamSettings settings() {
        DownstreamSettings s = new DownstreamSettings("payment");
        s.setMaxAttempts(3);
        s.setInitialBackoff(Duration.ofMillis(1));
        s.setMinimumNumberOfCalls(4);
        s.setSlidingWindowSize(4);
        return s;
    }
}
