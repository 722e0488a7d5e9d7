package oms.payment.payment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads are derived or native queries; the conditional writes and the locking read are plain JDBC
 * because they need PostgreSQL's RETURNING on INSERT ... ON CONFLICT and UPDATE (and FOR UPDATE), which
 * a native @Query cannot map back to an entity in this Micronaut Data version.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
abstract class PaymentRepository implements GenericRepository<Payment, UUID> {

    private final JdbcOperations jdbc;

    PaymentRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    abstract Optional<Payment> findById(UUID id);

    abstract Optional<Payment> findByOrderIdAndAttempt(UUID orderId, int attempt);

    @Query("SELECT * FROM payment ORDER BY created_at, id LIMIT :limit OFFSET :offset")
    abstract List<Payment> page(int limit, long offset);

    @Query("SELECT * FROM payment WHERE order_id = :orderId ORDER BY created_at, attempt LIMIT :limit OFFSET :offset")
    abstract List<Payment> pageByOrderId(UUID orderId, int limit, long offset);

    /**
     * Inserts the payment unless its (orderId, attempt) already has one. The unique constraint, not a
     * look-up first, decides: of two racing requests exactly one gets the row back.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    Optional<Payment> insertIfAbsent(Payment p) {
        return jdbc.prepareStatement("""
                INSERT INTO payment (id, order_id, attempt, customer_id, amount, currency, status, decline_reason,
                                     created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (order_id, attempt) DO NOTHING
                RETURNING *""", statement -> {
            statement.setObject(1, p.id());
            statement.setObject(2, p.orderId());
            statement.setInt(3, p.attempt());
            statement.setObject(4, p.customerId());
            statement.setBigDecimal(5, p.amount());
            statement.setString(6, p.currency());
            statement.setString(7, p.status().name());
            if (p.declineReason() == null) {
                statement.setNull(8, Types.VARCHAR);
            } else {
                statement.setString(8, p.declineReason().name());
            }
            statement.setTimestamp(9, Timestamp.from(p.createdAt()));
            statement.setTimestamp(10, Timestamp.from(p.updatedAt()));
            return single(statement);
        });
    }

    /**
     * Reads the attempt's payment and locks its row until the transaction ends, so no other void or
     * transition can interleave between reading the status and writing the next one.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    Optional<Payment> lockByOrderIdAndAttempt(UUID orderId, int attempt) {
        return jdbc.prepareStatement("SELECT * FROM payment WHERE order_id = ? AND attempt = ? FOR UPDATE",
                statement -> {
                    statement.setObject(1, orderId);
                    statement.setInt(2, attempt);
                    return single(statement);
                });
    }

    /** Writes the gateway's decision onto the payment this transaction claimed. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    Payment recordDecision(Payment p) {
        return jdbc.prepareStatement("UPDATE payment SET status = ?, decline_reason = ? WHERE id = ? RETURNING *",
                statement -> {
                    statement.setString(1, p.status().name());
                    if (p.declineReason() == null) {
                        statement.setNull(2, Types.VARCHAR);
                    } else {
                        statement.setString(2, p.declineReason().name());
                    }
                    statement.setObject(3, p.id());
                    return single(statement).orElseThrow(() -> new IllegalStateException("Claimed payment " + p.id() + " vanished"));
                });
    }

    /** Voids only what is AUTHORIZED at the moment of the write, so racing voids cannot disagree. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    Optional<Payment> voidIfAuthorized(UUID id, Instant at) {
        return jdbc.prepareStatement("""
                UPDATE payment SET status = 'VOIDED', updated_at = ?
                WHERE id = ? AND status = 'AUTHORIZED'
                RETURNING *""", statement -> {
            statement.setTimestamp(1, Timestamp.from(at));
            statement.setObject(2, id);
            return single(statement);
        });
    }

    private Optional<Payment> single(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(jdbc.readEntity(rows, Payment.class)) : Optional.empty();
        }
    }
}
