package oms.order.placement;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * oms_orders_pending: orders not settled yet. Read from the database (other instances and
 * recovery change it too), at most once per {@code telemetry.pending-refresh} however often it is
 * scraped, and never on a request's path. One index-only count on orders_status_idx.
 */
@Singleton
class PendingOrdersGauge implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(PendingOrdersGauge.class);
    private static final String COUNT = "SELECT count(*) FROM orders WHERE status = 'PENDING'";

    // Looked up at the first read: the pool itself reports to the meter registry this binds to.
    private final BeanProvider<TransactionOperations<Connection>> tx;
    private final long refreshNanos;
    private volatile long readAt;
    private volatile double pending = Double.NaN;

    PendingOrdersGauge(BeanProvider<TransactionOperations<Connection>> tx, @Value("${telemetry.pending-refresh:5s}") Duration refresh) {
        this.tx = tx;
        this.refreshNanos = refresh.toNanos();
        this.readAt = System.nanoTime() - refreshNanos;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("oms.orders.pending", this, PendingOrdersGauge::current)
                .description("Orders in status PENDING (read at most every few seconds)").register(registry);
    }

    private synchronized double current() {
        if (System.nanoTime() - readAt >= refreshNanos) {
            readAt = System.nanoTime();
            try {
                pending = count();
            } catch (RuntimeException e) {
                LOG.warn("Could not count PENDING orders: {}", e.getMessage());
                pending = Double.NaN;
            }
        }
        return pending;
    }

    private long count() {
        return tx.get().executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(COUNT); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
