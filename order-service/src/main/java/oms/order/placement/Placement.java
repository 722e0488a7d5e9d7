package oms.order.placement;

import io.micronaut.core.annotation.Nullable;
import oms.order.order.Order;
import oms.order.order.OrderItem;
import oms.order.order.OrderStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The state of one placement attempt as the saga moves it; mirrored into the orders row after each
 * change. Whoever moves it holds the order's lease, identified by {@link #leaseToken()}.
 */
public final class Placement {

    /** The length of orders.failure_detail. */
    static final int MAX_DETAIL = 1000;

    /** The codes that end an order as REJECTED (a business answer); any other failure ends it FAILED. */
    static final Set<String> REJECTION_CODES = Set.of("CUSTOMER_NOT_FOUND", "CUSTOMER_INACTIVE",
            "PRODUCT_NOT_FOUND", "INSUFFICIENT_STOCK", "PAYMENT_DECLINED");

    /** A timeline entry waiting for the next journal write. */
    public record Event(String step, String outcome, @Nullable String detail, Instant at) {
    }

    /** One ordered product; the price is inventory's, known once the stock is reserved. */
    public record Line(String sku, int quantity, @Nullable BigDecimal unitPrice) {
    }

    private final UUID orderId;
    private final UUID customerId;
    private final int attempt;
    private final UUID leaseToken;
    private List<Line> lines;
    private String currency;
    private BigDecimal totalAmount;
    private UUID reservationId;
    private UUID paymentId;
    private Progress progress = Progress.NEW;
    private boolean compensating;
    private boolean cancelRequested;
    private OrderStatus status = OrderStatus.PENDING;
    private String failureCode;
    private String failureDetail;
    private List<String> failureSkus = List.of();
    private Instant createdAt;
    private Instant updatedAt;
    private final List<Event> pendingEvents = new java.util.ArrayList<>();

    public Placement(UUID orderId, UUID customerId, int attempt, UUID leaseToken, List<Line> lines) {
        this.orderId = orderId;
        this.customerId = customerId;
        this.attempt = attempt;
        this.leaseToken = leaseToken;
        this.lines = List.copyOf(lines);
    }

    /** The placement as stored, to be resumed by the holder of {@code leaseToken}. */
    public static Placement of(Order order, List<OrderItem> items, UUID leaseToken) {
        Placement p = new Placement(order.id(), order.customerId(), order.attempt(), leaseToken,
                items.stream().map(i -> new Line(i.sku(), i.quantity(), i.unitPrice())).toList());
        p.currency = order.currency();
        p.totalAmount = order.totalAmount();
        p.reservationId = order.reservationId();
        p.paymentId = order.paymentId();
        p.progress = Progress.valueOf(order.step());
        p.compensating = order.compensating();
        p.cancelRequested = order.cancelRequested();
        p.status = order.status();
        p.failureCode = order.failureReason();
        p.failureDetail = order.failureDetail();
        p.createdAt = order.createdAt();
        p.updatedAt = order.updatedAt();
        return p;
    }

    void reached(Progress next) {
        progress = next;
    }

    void priced(List<Line> pricedLines, String shopCurrency, UUID reservation) {
        lines = List.copyOf(pricedLines);
        currency = shopCurrency;
        reservationId = reservation;
        totalAmount = pricedLines.stream()
                .map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    void paid(UUID payment) {
        paymentId = payment;
    }

    /** Decides how the order ends once the undo is done, and starts undoing. */
    void startCompensating(String code, String detail, List<String> skus) {
        compensating = true;
        failureCode = code;
        failureDetail = fit(detail);
        failureSkus = List.copyOf(skus);
    }

    /**
     * A dependency's answer is not ours to size: cut it to the failure_detail column, so that a long
     * answer (an order naming many long unknown skus) can never fail the write that records it.
     */
    private static String fit(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
    }

    void confirm() {
        status = OrderStatus.CONFIRMED;
    }

    /** The undo is complete: REJECTED for a business answer, FAILED otherwise. */
    void endCompensated() {
        status = REJECTION_CODES.contains(failureCode) ? OrderStatus.REJECTED : OrderStatus.FAILED;
    }

    void requestCancel() {
        cancelRequested = true;
    }

    void cancelled() {
        cancelRequested = false;
        status = OrderStatus.CANCELLED;
    }

    /** The journal wrote the placement as it is now: the row's updated_at. */
    void written(Instant at) {
        updatedAt = at;
    }

    void pend(Event event) {
        pendingEvents.add(event);
    }

    /** The entries noted since the last write, handed over once to be written. */
    List<Event> drainPendingEvents() {
        List<Event> drained = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return drained;
    }

    public boolean isSettled() {
        return status != OrderStatus.PENDING && !cancelRequested;
    }

    public UUID orderId() { return orderId; }
    public UUID customerId() { return customerId; }
    public int attempt() { return attempt; }
    public UUID leaseToken() { return leaseToken; }
    public List<Line> lines() { return lines; }
    public String currency() { return currency; }
    public BigDecimal totalAmount() { return totalAmount; }
    public UUID reservationId() { return reservationId; }
    public UUID paymentId() { return paymentId; }
    public Progress progress() { return progress; }
    public boolean compensating() { return compensating; }
    public boolean cancelRequested() { return cancelRequested; }
    public OrderStatus status() { return status; }
    public String failureCode() { return failureCode; }
    public String failureDetail() { return failureDetail; }
    public List<String> failureSkus() { return failureSkus; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
