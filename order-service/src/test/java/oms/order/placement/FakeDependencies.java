package oms.order.placement;

import oms.order.client.CustomerGateway;
import oms.order.client.CustomerView;
import oms.order.client.DownstreamRejected;
import oms.order.client.DownstreamUnavailable;
import oms.order.client.InventoryGateway;
import oms.order.client.PaymentGateway;
import oms.order.client.PaymentRequest;
import oms.order.client.PaymentView;
import oms.order.client.ProblemView;
import oms.order.client.ReservationRequest;
import oms.order.client.ReservationView;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * In-memory customer, inventory and payment that behave like the real services (idempotent by
 * order and attempt) and can be told to fail at any call. Records every call in order.
 */
class FakeDependencies implements CustomerGateway, InventoryGateway, PaymentGateway {

    final List<String> calls = new ArrayList<>();
    final Map<String, RuntimeException> failures = new HashMap<>();
    /** Calls that take effect and then fail to answer, like a read timeout after the commit. */
    final Map<String, Boolean> effectThenTimeout = new HashMap<>();
    String customerStatus = "ACTIVE";
    boolean customerExists = true;
    BigDecimal unitPrice = new BigDecimal("10.00");
    BigDecimal paymentLimit = new BigDecimal("1000.00");
    final Map<UUID, ReservationView> reservations = new HashMap<>();
    final Map<UUID, PaymentView> payments = new HashMap<>();

    static DownstreamRejected rejected(String dependency, int status, String code, String... skus) {
        return new DownstreamRejected(dependency, status, new ProblemView(code, code + " detail", List.of(skus)));
    }

    static DownstreamUnavailable refused(String dependency) {
        return new DownstreamUnavailable(dependency, "connection refused", false, null);
    }

    static DownstreamUnavailable timedOut(String dependency) {
        return new DownstreamUnavailable(dependency, "read timeout", true, null);
    }

    private void call(String name) {
        calls.add(name);
        RuntimeException failure = failures.get(name);
        if (failure != null) {
            throw failure;
        }
    }

    private <T> T answer(String name, T result) {
        if (effectThenTimeout.getOrDefault(name, false)) {
            throw timedOut(name);
        }
        return result;
    }

    @Override
    public CustomerView find(UUID customerId) {
        call("customer.find");
        if (!customerExists) {
            throw rejected("customer", 404, "CUSTOMER_NOT_FOUND");
        }
        return new CustomerView(customerId, customerStatus);
    }

    @Override
    public ReservationView reserve(ReservationRequest request) {
        call("inventory.reserve");
        if (reservations.values().stream().anyMatch(r -> r.orderId().equals(request.orderId()) && r.attempt() == request.attempt())) {
            throw rejected("inventory", 422, "RESERVATION_MISMATCH");
        }
        ReservationView held = new ReservationView(UUID.randomUUID(), request.orderId(), request.attempt(), "HELD",
                request.items().stream().map(i -> new ReservationView.Item(i.sku(), i.quantity(), unitPrice)).toList(), "USD");
        reservations.put(held.id(), held);
        return answer("inventory.reserve", held);
    }

    @Override
    public ReservationView commit(UUID reservationId) {
        call("inventory.commit");
        return answer("inventory.commit", setStatus(reservationId, "COMMITTED"));
    }

    @Override
    public List<ReservationView> reservationsOf(UUID orderId) {
        call("inventory.reservationsOf");
        return reservations.values().stream().filter(r -> r.orderId().equals(orderId)).toList();
    }

    @Override
    public ReservationView releaseAttempt(UUID orderId, int attempt) {
        call("inventory.releaseAttempt");
        return reservations.values().stream().filter(r -> r.orderId().equals(orderId) && r.attempt() == attempt)
                .findFirst().map(r -> setStatus(r.id(), "RELEASED"))
                .orElseGet(() -> {
                    ReservationView tombstone = new ReservationView(UUID.randomUUID(), orderId, attempt, "RELEASED", List.of(), "USD");
                    reservations.put(tombstone.id(), tombstone);
                    return tombstone;
                });
    }

    @Override
    public PaymentView voidAttempt(PaymentRequest request) {
        call("payment.voidAttempt");
        PaymentView existing = payments.values().stream()
                .filter(p -> p.orderId().equals(request.orderId()) && p.attempt() == request.attempt()).findFirst().orElse(null);
        if (existing == null) {
            PaymentView tombstone = new PaymentView(UUID.randomUUID(), request.orderId(), request.attempt(), request.amount(),
                    request.currency(), "VOIDED", null);
            payments.put(tombstone.id(), tombstone);
            return tombstone;
        }
        if (!existing.isAuthorized()) {
            return existing;
        }
        PaymentView voided = new PaymentView(existing.id(), existing.orderId(), existing.attempt(), existing.amount(),
                existing.currency(), "VOIDED", null);
        payments.put(voided.id(), voided);
        return voided;
    }

    @Override
    public PaymentView authorize(PaymentRequest request) {
        call("payment.authorize");
        PaymentView existing = payments.values().stream()
                .filter(p -> p.orderId().equals(request.orderId()) && p.attempt() == request.attempt()).findFirst().orElse(null);
        if (existing != null) {
            return answer("payment.authorize", existing);
        }
        boolean ok = request.amount().compareTo(paymentLimit) <= 0;
        PaymentView payment = new PaymentView(UUID.randomUUID(), request.orderId(), request.attempt(), request.amount(),
                request.currency(), ok ? "AUTHORIZED" : "DECLINED", ok ? null : "LIMIT_EXCEEDED");
        payments.put(payment.id(), payment);
        return answer("payment.authorize", payment);
    }

    @Override
    public List<PaymentView> paymentsOf(UUID orderId) {
        call("payment.paymentsOf");
        return payments.values().stream().filter(p -> p.orderId().equals(orderId)).toList();
    }

    long heldOrCommitted() {
        return reservations.values().stream().filter(ReservationView::holdsStock).count();
    }

    long authorized() {
        return payments.values().stream().filter(PaymentView::isAuthorized).count();
    }

    private ReservationView setStatus(UUID id, String status) {
        ReservationView r = reservations.get(id);
        if (r == null) {
            throw rejected("inventory", 404, "RESERVATION_NOT_FOUND");
        }
        ReservationView changed = new ReservationView(r.id(), r.orderId(), r.attempt(), status, r.items(), r.currency());
        reservations.put(id, changed);
        return changed;
    }
}
