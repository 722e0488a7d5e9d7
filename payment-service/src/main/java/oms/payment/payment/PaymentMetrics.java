package oms.payment.payment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import oms.chassis.web.ApiException;

import java.util.function.Supplier;

/**
 * oms_payment_authorizations_total{outcome}: AUTHORIZED or DECLINED (a new payment), REPLAYED (the
 * same order attempt again) or the refusal's code (PAYMENT_MISMATCH, ...). Counted after the
 * transaction, so a rollback counts as nothing authorized.
 */
@Singleton
class PaymentMetrics {

    private final MeterRegistry registry;

    PaymentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    Authorization counted(Supplier<Authorization> authorize) {
        try {
            Authorization result = authorize.get();
            count(result.created() ? result.payment().status().name() : "REPLAYED");
            return result;
        } catch (ApiException e) {
            count(e.code());
            throw e;
        }
    }

    private void count(String outcome) {
        Counter.builder("oms.payment.authorizations").description("Authorize requests by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }
}
