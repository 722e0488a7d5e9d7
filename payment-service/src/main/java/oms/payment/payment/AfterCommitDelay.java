package oms.payment.payment;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Fault injection for the order service's tests: a payment that is committed but answered late looks
 * to the caller like a timeout whose outcome is unknown. Zero (the default) means no pause.
 */
@Singleton
class AfterCommitDelay {

    private final Duration delay;

    AfterCommitDelay(@Property(name = "payment.simulate.delay-after-commit") Duration delay) {
        this.delay = delay;
    }

    void pause() {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
