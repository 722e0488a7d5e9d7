package oms.order.order;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import oms.order.web.ApiException;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads orders with their lines. */
@Singleton
public class OrderQueries {

    private final OrderRepository orders;
    private final OrderItemRepository items;

    OrderQueries(OrderRepository orders, OrderItemRepository items) {
        this.orders = orders;
        this.items = items;
    }

    public OrderView get(UUID id) {
        Order order = orders.findById(id).orElseThrow(() ->
                ApiException.notFound("ORDER_NOT_FOUND", "No order with id " + id));
        return OrderView.of(order, items.findByOrderIdOrderByLineNo(id));
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
