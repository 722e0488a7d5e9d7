package oms.order.order;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import oms.chassis.security.Caller;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads orders with their lines. */
@Singleton
public class OrderQueries {

    private final OrderRepository orders;
    private final OrderItemRepository items;
    private final OrderEventRepository events;

    OrderQueries(OrderRepository orders, OrderItemRepository items, OrderEventRepository events) {
        this.orders = orders;
        this.items = items;
        this.events = events;
    }

    public OrderView get(UUID id) {
        return get(id, Caller.SYSTEM);
    }

    public OrderView get(UUID id, Caller caller) {
        return OrderView.of(find(id, caller), items.findByOrderIdOrderByLineNo(id));
    }

    /** The order's timeline, oldest first. */
    public List<OrderEventView> events(UUID id, Caller caller) {
        find(id, caller);
        return events.findByOrderIdOrderById(id).stream().map(OrderEventView::of).toList();
    }

    /** Throws ORDER_NOT_FOUND unless the order exists and the caller may see it. */
    public void checkVisible(UUID id, Caller caller) {
        find(id, caller);
    }

    /** Another customer's order is answered exactly like a missing one, so order ids cannot be probed. */
    private Order find(UUID id, Caller caller) {
        return orders.findById(id).filter(o -> caller.mayActFor(o.customerId())).orElseThrow(() ->
                OrderNotFound.of(id));
    }

    public List<OrderView> search(@Nullable UUID customerId, @Nullable OrderStatus status, int page, int size) {
        List<Order> found = orders.search(customerId, status == null ? null : status.name(), size, (long) page * size);
        if (found.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<OrderItem>> lines = items.findByOrderIdInOrderByLineNo(found.stream().map(Order::id).toList())
                .stream().collect(Collectors.groupingBy(OrderItem::orderId));
        return found.stream().map(o -> OrderView.of(o, lines.getOrDefault(o.id(), List.of()))).toList();
    }
}
