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
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The calls behind the saga's steps and undos, one method each; all of them idempotent. A refusal
 * ({@link DownstreamRejected}) goes up as it is: the step list says which refusals reject the order.
 */
@Singleton
class PlacementActions {

    private final CustomerGateway customers;
    private final InventoryGateway inventory;
    private final PaymentGateway payments;

    PlacementActions(CustomerGateway customers, InventoryGateway inventory, PaymentGateway payments) {
        this.customers = customers;
        this.inventory = inventory;
        this.payments = payments;
    }

    void checkCustomer(Placement p) {
        CustomerView customer = customers.find(p.customerId());
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
        }
        Map<String, ReservationView.Item> reserved = reservation.items().stream()
                .collect(Collectors.toMap(ReservationView.Item::sku, Function.identity()));
        List<Placement.Line> priced = p.lines().stream()
                .map(l -> new Placement.Line(l.sku(), l.quantity(), reserved.get(l.sku()).unitPrice())).toList();
        p.priced(priced, reservation.currency(), reservation.id());
    }

    /**
     * Releases this attempt's reservation, by order attempt whether or not its id is known: that
     * one call gives back HELD or COMMITTED units, is a no-op when already released or expired, and
     * when the reserve's answer never came it leaves a tombstone that a reserve still in flight
     * cannot get past (a look-up could miss it).
     */
    void releaseStock(Placement p) {
        inventory.releaseAttempt(p.orderId(), p.attempt());
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
        }
        p.paid(payment.id());
        if (!payment.isAuthorized()) {
            throw new OrderRejected("PAYMENT_DECLINED", "Payment of " + p.totalAmount() + " " + p.currency()
                    + " declined: " + payment.declineReason(), List.of());
        }
    }

    /**
     * Voids this attempt's payment, by order attempt whether or not its id is known: that one call
     * voids an authorization, leaves a declined or voided payment as it is, and when the authorize's
     * answer never came it leaves a tombstone that an authorize still in flight cannot get past.
     */
    void voidPayment(Placement p) {
        if (p.totalAmount() == null) {
            return;   // never priced, so never sent to payment
        }
        payments.voidAttempt(new PaymentRequest(p.orderId(), p.attempt(), p.customerId(), p.totalAmount(), p.currency()));
    }

    void commitReservation(Placement p) {
        inventory.commit(p.reservationId());
    }

    /**
     * After a call without an answer, finds out whether it took effect. Nothing found, or no answer
     * to the question either: the original failure stands, and the undo works by order attempt.
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
}
