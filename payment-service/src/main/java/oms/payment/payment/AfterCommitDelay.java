package oms.payment.payment;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Fault injection for the order service's tests: a payment that is committed but answered late looks
 * to the caller like a timeout whose outcome is unknown. With the default (0ms) the bean does not
 * exist, so a production authorize never reaches this class.
 */
@Singleton
@Requires(property = "payment.simulate.delay-after-commit", notEquals = "0ms")
class AfterCommitDelay {

    private final Duration delay;

    AfterCommitDelay(@Property(name = "payment.simulate.delay-after-commit") Duration delay) {
        this.delay = delay;
    }

    void pause() {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
