package oms.order.placement;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import oms.order.order.OrderEvent;
import oms.order.order.OrderEventRepository;
import oms.order.order.OrderItemRepository;
import oms.order.order.OrderRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Writes the placement's progress, the prices once reserved, and a timeline entry, in one transaction. */
@Singleton
class JdbcPlacementJournal implements PlacementJournal {

    private final OrderRepository orders;
    private final OrderItemRepository items;
    private final OrderEventRepository events;
    private final PlacementSettings settings;
    private final Clock clock;

    JdbcPlacementJournal(OrderRepository orders, OrderItemRepository items, OrderEventRepository events,
                         PlacementSettings settings, Clock clock) {
        this.orders = orders;
        this.items = items;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void record(Placement p, String step, String outcome, String detail) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int written = orders.updateProgress(p.orderId(), p.status().name(), p.currency(), p.totalAmount(),
                p.reservationId(), p.paymentId(), p.failureCode(), p.failureDetail(), p.progress().name(),
                p.compensating(), p.cancelRequested(), p.leaseToken(), now.plus(settings.lease()), now);
        if (written == 0) {
            throw new LeaseLost("Order " + p.orderId() + " is now driven by another holder");
        }
        if ("RESERVE_STOCK".equals(step) && "DONE".equals(outcome)) {
            p.lines().forEach(l -> items.updatePrice(p.orderId(), l.sku(), l.unitPrice()));
        }
        List<OrderEvent> rows = new ArrayList<>();
        for (Placement.Event e : p.drainPendingEvents()) {
            rows.add(new OrderEvent(null, p.orderId(), p.attempt(), e.step(), e.outcome(), truncate(e.detail()),
                    e.at().truncatedTo(ChronoUnit.MICROS)));
        }
        rows.add(new OrderEvent(null, p.orderId(), p.attempt(), step, outcome, truncate(detail), now));
        events.saveAll(rows);
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }
}
