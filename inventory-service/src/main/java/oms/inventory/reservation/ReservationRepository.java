package oms.inventory.reservation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

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

    /** The same row lock as {@link ReservationStore#lockWithItems}, found by the reservation's key. */
    @Query("SELECT * FROM reservation WHERE order_id = :orderId AND attempt = :attempt FOR UPDATE")
    Optional<Reservation> findByKeyForUpdate(UUID orderId, int attempt);

    /**
     * Claims up to {@code limit} HELD reservations past their deadline, oldest first, with the same
     * row lock as {@link ReservationStore#lockWithItems}: a commit or release of a claimed row waits for the
     * claim's transaction and then sees EXPIRED. SKIP LOCKED lets sweepers on several instances
     * share the work instead of queueing behind each other (or behind a commit in progress); a row
     * another sweeper expired meanwhile fails PostgreSQL's re-check of the WHERE and is not claimed.
     */
    @Query("SELECT * FROM reservation WHERE status = 'HELD' AND expires_at < now() "
            + "ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED")
    List<Reservation> claimOverdue(int limit);
}
