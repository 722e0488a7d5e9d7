package oms.inventory.reservation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ReservationRepository extends GenericRepository<Reservation, UUID> {

    Optional<Reservation> findById(UUID id);

    Optional<Reservation> findByOrderIdAndAttempt(UUID orderId, int attempt);

    @Query("SELECT * FROM reservation WHERE order_id = :orderId ORDER BY created_at, attempt")
    List<Reservation> findByOrder(UUID orderId);

    @Query("SELECT * FROM reservation WHERE order_id = :orderId ORDER BY created_at, attempt LIMIT :limit OFFSET :offset")
    List<Reservation> findByOrder(UUID orderId, int limit, long offset);

    /** Serializes commit and release of one reservation; the loser sees the winner's status. */
    @Query("SELECT * FROM reservation WHERE id = :id FOR UPDATE")
    Optional<Reservation> findByIdForUpdate(UUID id);

    /** Conditional on the expected status, so a transition can never apply twice. */
    @Query("UPDATE reservation SET status = :to, updated_at = :now WHERE id = :id AND status = :from")
    long changeStatus(UUID id, String from, String to, Instant now);
}
