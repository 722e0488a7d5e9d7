package oms.payment.payment;

import io.micronaut.context.annotation.Property;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import oms.payment.gateway.GatewayDecision;
import oms.payment.gateway.GatewayRequest;
import oms.payment.gateway.PaymentGateway;
import oms.chassis.web.ApiException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
public class PaymentService {

    private final PaymentRepository repository;
    private final PaymentGateway gateway;
    private final String shopCurrency;
    private final Clock clock;

    PaymentService(PaymentRepository repository, PaymentGateway gateway, Clock clock,
                   @Property(name = "payment.currency") String shopCurrency) {
        this.repository = repository;
        this.gateway = gateway;
        this.shopCurrency = shopCurrency;
        this.clock = clock;
    }

    /**
     * Authorizes the amount once per (orderId, attempt). The payment row is claimed first, and only the
     * request that claimed it asks the gateway, with the pair as the gateway's idempotency key: a
     * repeat or a concurrent twin waits for the claim and answers the payment made by it, whatever
     * the gateway would say now. A gateway that fails rolls the claim back, so a retry asks again
     * under the same key.
     */
    @Transactional
    public Authorization authorize(AuthorizePaymentRequest request) {
        requireShopCurrency(request);
        Payment claim = Payment.claimed(request.orderId(), request.attemptOrFirst(), request.customerId(),
                request.amount(), request.currency(), now());
        if (repository.insertIfAbsent(claim).isPresent()) {
            GatewayDecision decision = gateway.authorize(GatewayRequest.of(claim.orderId(), claim.attempt(), claim.amount()));
            return new Authorization(repository.recordDecision(claim.decided(decision)), true);
        }
        // ON CONFLICT waited for the other writer to commit, so this statement's snapshot sees its row.
        Payment existing = repository.findByOrderIdAndAttempt(claim.orderId(), claim.attempt())
                .orElseThrow(() -> new IllegalStateException("Conflicting payment vanished for order " + claim.orderId()));
        if (!existing.isSameRequest(request.customerId(), request.amount(), request.currency())) {
            throw ApiException.unprocessable("PAYMENT_MISMATCH", "Order " + existing.orderId() + " attempt "
                    + existing.attempt() + " already has payment " + existing.id() + " for "
                    + existing.amount() + " " + existing.currency() + " and customer " + existing.customerId());
        }
        return new Authorization(existing, false);
    }

    /** Voids an AUTHORIZED payment; voiding a VOIDED one is a no-op. */
    @Transactional
    public Payment voidPayment(UUID id) {
        Instant now = now();
        Optional<Payment> voided = repository.voidIfAuthorized(id, now);
        if (voided.isPresent()) {
            return voided.get();
        }
        // The update found nothing AUTHORIZED; the transition on the current state says why.
        Payment current = get(id);
        try {
            return current.voided(now);
        } catch (Payment.NotVoidableException e) {
            throw ApiException.conflict("PAYMENT_NOT_VOIDABLE", e.getMessage());
        }
    }

    /**
     * Makes sure no authorization of the request's (orderId, attempt) stands, now or later, in one
     * transaction keyed like {@link #authorize}. With no payment yet it inserts a VOIDED tombstone, which a
     * later authorize of the attempt finds instead of authorizing. Otherwise (possibly a payment an
     * authorize is committing right now: the insert waits for it) it locks that payment and voids it if
     * AUTHORIZED; VOIDED and DECLINED ones are answered unchanged.
     * <p>
     * The body only describes the tombstone: an existing payment of the attempt is voided even if its
     * amount or customer differ, because the key, not the amount, says which authorization must go.
     */
    @Transactional
    public AttemptVoid voidAttempt(AuthorizePaymentRequest request) {
        requireShopCurrency(request);
        Instant now = now();
        Payment tombstone = Payment.tombstone(request.orderId(), request.attemptOrFirst(), request.customerId(),
                request.amount(), request.currency(), now);
        Optional<Payment> inserted = repository.insertIfAbsent(tombstone);
        if (inserted.isPresent()) {
            return new AttemptVoid(inserted.get(), true);
        }
        // ON CONFLICT waited for the other writer to commit; this new statement sees its row and locks it.
        Payment current = repository.lockByOrderIdAndAttempt(tombstone.orderId(), tombstone.attempt())
                .orElseThrow(() -> new IllegalStateException("Conflicting payment vanished for order "
                        + tombstone.orderId() + " attempt " + tombstone.attempt()));
        if (current.withoutAuthorization(now) == current) {
            return new AttemptVoid(current, false);
        }
        Payment voided = repository.voidIfAuthorized(current.id(), now)
                .orElseThrow(() -> new IllegalStateException("Locked payment " + current.id() + " changed"));
        return new AttemptVoid(voided, false);
    }

    public Payment get(UUID id) {
        return repository.findById(id).orElseThrow(() ->
                ApiException.notFound("PAYMENT_NOT_FOUND", "No payment with id " + id));
    }

    public List<Payment> list(UUID orderId, int page, int size) {
        long offset = (long) page * size;
        return orderId == null ? repository.page(size, offset) : repository.pageByOrderId(orderId, size, offset);
    }

    private void requireShopCurrency(AuthorizePaymentRequest request) {
        if (!shopCurrency.equals(request.currency())) {
            throw ApiException.unprocessable("CURRENCY_NOT_SUPPORTED",
                    "Only " + shopCurrency + " is accepted, not " + request.currency());
        }
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; truncating here makes the answer equal what a later read returns.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
