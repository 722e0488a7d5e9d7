package oms.order.placement;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import oms.order.order.OrderItemRepository;
import oms.order.order.OrderRepository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Writes the placement's progress to its orders row (and the prices, once reserved). */
@Singleton
class JdbcPlacementJournal implements PlacementJournal {

    private final OrderRepository orders;
    private final OrderItemRepository items;

    JdbcPlacementJournal(OrderRepository orders, OrderItemRepository items) {
        this.orders = orders;
        this.items = items;
    }

    @Override
    @Transactional
    public void record(Placement p) {
        orders.updateProgress(p.orderId(), p.status().name(), p.currency(), p.totalAmount(), p.reservationId(),
                p.paymentId(), p.failureCode(), p.failureDetail(), p.step().name(), p.compensating(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        if (p.step() == PlacementStep.STOCK_RESERVED && !p.compensating()) {
            p.lines().forEach(l -> items.updatePrice(p.orderId(), l.sku(), l.unitPrice()));
        }
    }
}
