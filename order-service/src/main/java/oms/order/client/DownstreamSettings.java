package oms.order.client;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

import java.time.Duration;

/**
 * Circuit breaker and retry settings of one dependency ({@code downstream.<name>.*} in application.yml).
 * HTTP timeouts live beside the URL under {@code micronaut.http.services.<name>}.
 */
@EachProperty("downstream")
public class DownstreamSettings {

    private final String name;
    private float failureRateThreshold = 50;
    private int slidingWindowSize = 20;
    private int minimumNumberOfCalls = 10;
    private Duration waitInOpenState = Duration.ofSeconds(5);
    private int permittedCallsInHalfOpenState = 3;
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(50);
    private double backoffMultiplier = 2;
    private Duration slowCallDurationThreshold = Duration.ofSeconds(60);
    private float slowCallRateThreshold = 100;
    private int maxConcurrentCalls = 50;
    private Duration maxWaitForCall = Duration.ofMillis(500);

    public DownstreamSettings(@Parameter String name) {
        this.name = name;
    }

    public String getName() { return name; }
    public float getFailureRateThreshold() { return failureRateThreshold; }
    public void setFailureRateThreshold(float v) { failureRateThreshold = v; }
    public int getSlidingWindowSize() { return slidingWindowSize; }
    public void setSlidingWindowSize(int v) { slidingWindowSize = v; }
    public int getMinimumNumberOfCalls() { return minimumNumberOfCalls; }
    public void setMinimumNumberOfCalls(int v) { minimumNumberOfCalls = v; }
    public Duration getWaitInOpenState() { return waitInOpenState; }
    public void setWaitInOpenState(Duration v) { waitInOpenState = v; }
    public int getPermittedCallsInHalfOpenState() { return permittedCallsInHalfOpenState; }
    public void setPermittedCallsInHalfOpenState(int v) { permittedCallsInHalfOpenState = v; }
    public int getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(int v) { maxAttempts = v; }
    public Duration getInitialBackoff() { return initialBackoff; }
    public void setInitialBackoff(Duration v) { initialBackoff = v; }
    public double getBackoffMultiplier() { return backoffMultiplier; }
    public void setBackoffMultiplier(double v) { backoffMultiplier = v; }
    public Duration getSlowCallDurationThreshold() { return slowCallDurationThreshold; }
    public void setSlowCallDurationThreshold(Duration v) { slowCallDurationThreshold = v; }
    public float getSlowCallRateThreshold() { return slowCallRateThreshold; }
    public void setSlowCallRateThreshold(float v) { slowCallRateThreshold = v; }
    public int getMaxConcurrentCalls() { return maxConcurrentCalls; }
    public void setMaxConcurrentCalls(int v) { maxConcurrentCalls = v; }
    public Duration getMaxWaitForCall() { return maxWaitForCall; }
    public void setMaxWaitForCall(Duration v) { maxWaitForCall = v; }
}
