package oms.order.placement;

import jakarta.inject.Singleton;
import oms.order.client.CustomerGateway;
import oms.order.client.CustomerView;
import oms.order.client.DownstreamRejected;
import oms.order.client.DownstreamUnavailable;
import oms.order.client.InventoryGateway;
import oms.order.client.PaymentGateway;
import oms.order.client.PaymentRequest;
import oms.order.client.PaymentView;
import oms.order.client.ReservationRequest;
import oms.order.client.ReservationView;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The actions and undos of the placement saga, one method each; all of them idempotent. */
@Singleton
class PlacementSteps {

    private final CustomerGateway customers;
    private final InventoryGateway inventory;
    private final PaymentGateway payments;

    PlacementSteps(CustomerGateway customers, InventoryGateway inventory, PaymentGateway payments) {
        this.customers = customers;
        this.inventory = inventory;
        this.payments = payments;
    }

    void checkCustomer(Placement p) {
        CustomerView customer;
        try {
            customer = customers.find(p.customerId());
        } catch (DownstreamRejected e) {
            if (e.status() == 404) {
                throw new OrderRejected("CUSTOMER_NOT_FOUND", "No customer with id " + p.customerId(), List.of());
            }
            throw new StepFailed("customer check: " + e.getMessage());
        }
        if (!customer.isActive()) {
            throw new OrderRejected("CUSTOMER_INACTIVE", "Customer " + p.customerId() + " is " + customer.status(), List.of());
        }
    }

    void reserveStock(Placement p) {
        ReservationView reservation;
        try {
            reservation = inventory.reserve(new ReservationRequest(p.orderId(), p.attempt(),
                    p.lines().stream().map(l -> new ReservationRequest.Item(l.sku(), l.quantity())).toList()));
        } catch (DownstreamUnavailable e) {
            // No answer is not "no": if the reservation was made, carry on with it.
            reservation = lookUp(e, () -> inventory.reservationsOf(p.orderId()).stream()
                    .filter(r -> r.belongsTo(p.attempt()) && "HELD".equals(r.status())).findFirst());
        } catch (DownstreamRejected e) {
            if (e.hasCode("INSUFFICIENT_STOCK") || e.hasCode("PRODUCT_NOT_FOUND")) {
                throw new OrderRejected(e.code(), e.detail(), e.skus());
            }
            throw new StepFailed("reservation: " + e.getMessage());
        }
        Map<String, ReservationView.Item> reserved = reservation.items().stream()
                .collect(Collectors.toMap(ReservationView.Item::sku, Function.identity()));
        List<Placement.Line> priced = p.lines().stream()
                .map(l -> new Placement.Line(l.sku(), l.quantity(), reserved.get(l.sku()).unitPrice())).toList();
        p.priced(priced, reservation.currency(), reservation.id());
    }

    /**
     * Releases this attempt's reservation. When the reserve call's answer never came, releases by
     * order attempt: a look-up could miss a reserve that is still in flight, a tombstone cannot.
     */
    void releaseStock(Placement p) {
        if (p.reservationId() != null) {
            release(p.reservationId());
            return;
        }
        try {
            inventory.releaseAttempt(p.orderId(), p.attempt());
        } catch (DownstreamRejected e) {
            throw new StepFailed("release: " + e.getMessage());
        }
    }

    void authorizePayment(Placement p) {
        PaymentView payment;
        try {
            payment = payments.authorize(new PaymentRequest(p.orderId(), p.attempt(), p.customerId(),
                    p.totalAmount(), p.currency()));
        } catch (DownstreamUnavailable e) {
            // The money may have moved although the answer was lost: ask, and go on from what happened.
            payment = lookUp(e, () -> payments.paymentsOf(p.orderId()).stream()
                    .filter(pay -> pay.belongsTo(p.attempt()) && !"VOIDED".equals(pay.status())).findFirst());
        } catch (DownstreamRejected e) {
            throw new StepFailed("payment: " + e.getMessage());
        }
        p.paid(payment.id());
        if (!payment.isAuthorized()) {
            throw new OrderRejected("PAYMENT_DECLINED", "Payment of " + p.totalAmount() + " " + p.currency()
                    + " declined: " + payment.declineReason(), List.of());
        }
    }

    /**
     * Voids this attempt's payment. When the authorize call's answer never came, voids by order
     * attempt: a look-up could miss an authorize that is still in flight, a tombstone cannot.
     */
    void voidPayment(Placement p) {
        if (p.paymentId() != null) {
            voidIfAuthorized(p.paymentId());
            return;
        }
        if (p.totalAmount() == null) {
            return;   // never priced, so never sent to payment
        }
        try {
            payments.voidAttempt(new PaymentRequest(p.orderId(), p.attempt(), p.customerId(), p.totalAmount(), p.currency()));
        } catch (DownstreamRejected e) {
            throw new StepFailed("void: " + e.getMessage());
        }
    }

    void commitReservation(Placement p) {
        try {
            inventory.commit(p.reservationId());
        } catch (DownstreamRejected e) {
            throw new StepFailed("commit: " + e.getMessage());
        }
    }

    /**
     * After a call without an answer, finds out whether it took effect. Nothing found, or no answer
     * to the question either: the original failure stands, and the undo will look again.
     */
    private static <T> T lookUp(DownstreamUnavailable noAnswer, Supplier<Optional<T>> find) {
        if (!noAnswer.outcomeUnknown()) {
            throw noAnswer;
        }
        try {
            return find.get().orElseThrow(() -> noAnswer);
        } catch (DownstreamUnavailable | DownstreamRejected e) {
            throw noAnswer;
        }
    }

    private void release(java.util.UUID reservationId) {
        try {
            inventory.release(reservationId);
        } catch (DownstreamRejected e) {
            if (e.status() != 404) {   // never created: nothing to give back
                throw new StepFailed("release: " + e.getMessage());
            }
        }
    }

    private void voidIfAuthorized(java.util.UUID paymentId) {
        try {
            payments.voidPayment(paymentId);
        } catch (DownstreamRejected e) {
            // 404: never created; 409 PAYMENT_NOT_VOIDABLE: declined, so nothing was held.
            if (e.status() != 404 && !e.hasCode("PAYMENT_NOT_VOIDABLE")) {
                throw new StepFailed("void: " + e.getMessage());
            }
        }
    }
}
