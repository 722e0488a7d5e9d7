package oms.order.order;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OrderItemRepository extends CrudRepository<OrderItem, Long> {

    List<OrderItem> findByOrderIdOrderByLineNo(UUID orderId);

    List<OrderItem> findByOrderIdInOrderByLineNo(Collection<UUID> orderIds);

    @Query("UPDATE order_item SET unit_price = NULL WHERE order_id = :orderId")
    void clearPrices(UUID orderId);
}
