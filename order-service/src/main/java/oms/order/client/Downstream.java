package oms.order.client;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.type.Argument;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;

import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs one call to a dependency through its retry and circuit breaker and sorts the outcome into
 * an answer, a {@link DownstreamRejected} (4xx: a business answer, never counted as a failure) or a
 * {@link DownstreamUnavailable} (counted; retried with backoff unless the breaker is open).
 * Every call made through here must be idempotent: all of ours are keyed by order id and attempt.
 */
@Singleton
public class Downstream {

    static final Argument<ProblemView> PROBLEM = Argument.of(ProblemView.class);

    private final Map<String, CircuitBreaker> breakers;
    private final Map<String, Retry> retries;
    private final Map<String, Bulkhead> bulkheads;

    Downstream(List<DownstreamSettings> settings, MeterRegistry meters) {
        this.bulkheads = settings.stream().collect(Collectors.toMap(DownstreamSettings::getName, Downstream::bulkhead));
        // Registries only so that resilience4j-micrometer can see every breaker and retry:
        // resilience4j_circuitbreaker_state{name}, resilience4j_retry_calls_total{name,kind}, ...
        CircuitBreakerRegistry breakerRegistry = CircuitBreakerRegistry.ofDefaults();
        RetryRegistry retryRegistry = RetryRegistry.ofDefaults();
        this.breakers = settings.stream().collect(Collectors.toMap(DownstreamSettings::getName,
                s -> breakerRegistry.circuitBreaker(s.getName(), breakerConfig(s))));
        this.retries = settings.stream().collect(Collectors.toMap(DownstreamSettings::getName,
                s -> retryRegistry.retry(s.getName(), retryConfig(s))));
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakerRegistry).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(retryRegistry).bindTo(meters);
    }

    public <T> T call(String dependency, Supplier<T> call) {
        CircuitBreaker breaker = require(breakers, dependency);
        // The call's outcome is unknown if ANY try's was: a first try that timed out after the
        // dependency committed is not undone by a second try that found the breaker open.
        AtomicBoolean someTryUnknown = new AtomicBoolean();
        Supplier<T> guarded = Retry.decorateSupplier(require(retries, dependency),
                CircuitBreaker.decorateSupplier(breaker, () -> {
                    try {
                        return classify(dependency, call);
                    } catch (DownstreamUnavailable e) {
                        someTryUnknown.compareAndSet(false, e.outcomeUnknown());
                        throw e;
                    }
                }));
        try {
            // Outermost, so one permit covers the retries: a slow dependency holds at most this many
            // request threads, the rest are answered at once instead of piling up behind it.
            return Bulkhead.decorateSupplier(require(bulkheads, dependency), guarded).get();
        } catch (BulkheadFullException e) {
            throw new DownstreamUnavailable(dependency, "too many calls in flight", false, e);
        } catch (CallNotPermittedException e) {
            DownstreamUnavailable open = new DownstreamUnavailable(dependency, "circuit breaker is open", false, e);
            throw someTryUnknown.get() ? open.afterAnUnknownTry() : open;
        } catch (DownstreamUnavailable e) {
            throw someTryUnknown.get() ? e.afterAnUnknownTry() : e;
        }
    }

    /** Each dependency's breaker state, e.g. {payment=OPEN}. */
    public Map<String, String> breakerStates() {
        return breakers.values().stream().collect(Collectors.toMap(CircuitBreaker::getName, b -> b.getState().name()));
    }

    private static <T> T classify(String dependency, Supplier<T> call) {
        try {
            return call.get();
        } catch (HttpClientResponseException e) {
            if (e.code() >= 500) {
                throw new DownstreamUnavailable(dependency, "answered " + e.code(), true, e);
            }
            throw new DownstreamRejected(dependency, e.code(), e.getResponse().getBody(PROBLEM).orElse(null));
        } catch (HttpClientException e) {
            throw new DownstreamUnavailable(dependency, e.getMessage(), !neverConnected(e), e);
        }
    }

    private static boolean neverConnected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static CircuitBreakerConfig breakerConfig(DownstreamSettings s) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(s.getFailureRateThreshold())
                .slidingWindowSize(s.getSlidingWindowSize())
                .minimumNumberOfCalls(s.getMinimumNumberOfCalls())
                .waitDurationInOpenState(s.getWaitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(s.getPermittedCallsInHalfOpenState())
                // A dependency that answers just inside its timeout is as good as down for our callers.
                .slowCallDurationThreshold(s.getSlowCallDurationThreshold())
                .slowCallRateThreshold(s.getSlowCallRateThreshold())
                .recordException(DownstreamUnavailable.class::isInstance)
                .build();
    }

    private static Bulkhead bulkhead(DownstreamSettings s) {
        return Bulkhead.of(s.getName(), BulkheadConfig.custom()
                .maxConcurrentCalls(s.getMaxConcurrentCalls())
                .maxWaitDuration(s.getMaxWaitForCall())
                .build());
    }

    private static RetryConfig retryConfig(DownstreamSettings s) {
        return RetryConfig.custom()
                .maxAttempts(s.getMaxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
                        s.getInitialBackoff(), s.getBackoffMultiplier(), 0.5))
                // An open breaker means "do not call": retrying it would only add waiting.
                .retryOnException(e -> e instanceof DownstreamUnavailable)
                .build();
    }

    private static <V> V require(Map<String, V> byName, String dependency) {
        V value = byName.get(dependency);
        if (value == null) {
            throw new IllegalStateException("No downstream." + dependency + " settings in application.yml");
        }
        return value;
    }
}
