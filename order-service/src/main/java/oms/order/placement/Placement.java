package oms.order.placement;

import io.micronaut.core.annotation.Nullable;
import oms.order.order.OrderStatus;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The state of one placement attempt as the saga moves it; mirrored into the orders row after each change. */
public final class Placement {

    /** One ordered product; the price is inventory's, known once the stock is reserved. */
    public record Line(String sku, int quantity, @Nullable BigDecimal unitPrice) {
    }

    private final UUID orderId;
    private final UUID customerId;
    private final int attempt;
    private List<Line> lines;
    private String currency;
    private BigDecimal totalAmount;
    private UUID reservationId;
    private UUID paymentId;
    private PlacementStep step = PlacementStep.NEW;
    private boolean compensating;
    private OrderStatus status = OrderStatus.PENDING;
    private String failureCode;
    private String failureDetail;
    private List<String> failureSkus = List.of();

    public Placement(UUID orderId, UUID customerId, int attempt, List<Line> lines) {
        this.orderId = orderId;
        this.customerId = customerId;
        this.attempt = attempt;
        this.lines = List.copyOf(lines);
    }

    void reached(PlacementStep next) {
        step = next;
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

    void startCompensating() {
        compensating = true;
    }

    void confirm() {
        status = OrderStatus.CONFIRMED;
    }

    void reject(String code, String detail, List<String> skus) {
        end(OrderStatus.REJECTED, code, detail, skus);
    }

    void fail(String code, String detail) {
        end(OrderStatus.FAILED, code, detail, List.of());
    }

    /** The undo could not finish now; the order stays PENDING and is settled later. */
    void leaveUnsettled(String code, String detail) {
        failureCode = code;
        failureDetail = detail;
    }

    private void end(OrderStatus finalStatus, String code, String detail, List<String> skus) {
        status = finalStatus;
        failureCode = code;
        failureDetail = detail;
        failureSkus = List.copyOf(skus);
    }

    public UUID orderId() { return orderId; }
    public UUID customerId() { return customerId; }
    public int attempt() { return attempt; }
    public List<Line> lines() { return lines; }
    public String currency() { return currency; }
    public BigDecimal totalAmount() { return totalAmount; }
    public UUID reservationId() { return reservationId; }
    public UUID paymentId() { return paymentId; }
    public PlacementStep step() { return step; }
    public boolean compensating() { return compensating; }
    public OrderStatus status() { return status; }
    public String failureCode() { return failureCode; }
    public String failureDetail() { return failureDetail; }
    public List<String> failureSkus() { return failureSkus; }
}
