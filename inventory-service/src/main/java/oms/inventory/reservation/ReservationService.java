package oms.inventory.reservation;

import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import oms.inventory.InventorySettings;
import oms.chassis.web.ApiException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@Singleton
public class ReservationService {

    /** Whether {@link #reserve} or {@link #releaseAttempt} made a new reservation or found the one this key made before. */
    record Outcome(ReservationDetails details, boolean created) {
    }

    private final ReservationRepository repository;
    private final ReservationStore store;
    private final StockHolder holder;
    private final InventorySettings settings;
    private final Clock clock;

    ReservationService(ReservationRepository repository, ReservationStore store, StockHolder holder,
                       InventorySettings settings, Clock clock) {
        this.repository = repository;
        this.store = store;
        this.holder = holder;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Holds all items or none, in one transaction: the key row first (so a duplicate waits for
     * us and then replays), then the stock. A failure throws, which rolls back the key row too.
     */
    @Transactional
    Outcome reserve(ReserveRequest request) {
        Instant now = now();
        Reservation fresh = Reservation.hold(request.orderId(), request.attemptOrFirst(), settings.currency(),
                now, now.plus(settings.reservationTtl()));
        if (!store.insertIfAbsent(fresh)) {
            return new Outcome(replay(request), false);
        }
        List<ReservationItem> items = holder.hold(fresh.id(), request.items());
        return new Outcome(new ReservationDetails(fresh, items), true);
    }

    /**
     * Makes sure an order attempt holds no stock, whatever its reserve request is doing meanwhile.
     * Takes the attempt's key the way {@link #reserve} does, in one transaction: if it is free, a
     * RELEASED reservation without items takes it, and a reserve arriving later replays against
     * that and is refused as a mismatch, moving nothing. If the key is taken (a reserve in flight
     * makes the insert wait until it has committed or rolled back), the reservation there is
     * released like {@link #release}: units back from HELD or COMMITTED, a no-op when RELEASED or EXPIRED.
     */
    @Transactional
    Outcome releaseAttempt(ReleaseAttemptRequest request) {
        Reservation tombstone = Reservation.tombstone(request.orderId(), request.attemptOrFirst(),
                settings.currency(), now());
        if (store.insertIfAbsent(tombstone)) {
            return new Outcome(new ReservationDetails(tombstone, List.of()), true);
        }
        // A new statement, so it sees the reservation whose commit the insert waited for.
        Reservation existing = repository.findByKeyForUpdate(request.orderId(), request.attemptOrFirst())
                .orElseThrow(() -> new IllegalStateException("Reservation key taken but no row visible"));
        return new Outcome(applyLocked(existing, store.itemsOf(existing.id()), Reservation::release), false);
    }

    @Transactional
    ReservationDetails commit(UUID id) {
        return apply(id, Reservation::commit);
    }

    @Transactional
    ReservationDetails release(UUID id) {
        return apply(id, Reservation::release);
    }

    @ReadOnly
    ReservationDetails get(UUID id) {
        Reservation reservation = repository.findById(id).orElseThrow(() -> notFound(id));
        return new ReservationDetails(reservation, store.itemsOf(id));
    }

    /** All of an order's reservations, oldest first. */
    @ReadOnly
    List<ReservationDetails> listForOrder(UUID orderId) {
        return withItems(repository.findByOrder(orderId));
    }

    /** One page of an order's reservations, oldest first. */
    @ReadOnly
    List<ReservationDetails> listForOrder(UUID orderId, int page, int size) {
        return withItems(repository.findByOrder(orderId, size, (long) page * size));
    }

    private List<ReservationDetails> withItems(List<Reservation> reservations) {
        Map<UUID, List<ReservationItem>> items = store.itemsOf(reservations.stream().map(Reservation::id).toList());
        return reservations.stream()
                .map(r -> new ReservationDetails(r, items.getOrDefault(r.id(), List.of())))
                .toList();
    }

    /** The key was taken: the same items mean a repeated request, other items a client bug. */
    private ReservationDetails replay(ReserveRequest request) {
        Reservation existing = repository.findByOrderIdAndAttempt(request.orderId(), request.attemptOrFirst())
                .orElseThrow(() -> new IllegalStateException("Reservation key taken but no row visible"));
        List<ReservationItem> items = store.itemsOf(existing.id());
        Map<String, Integer> held = items.stream()
                .collect(Collectors.toMap(ReservationItem::sku, ReservationItem::quantity));
        Map<String, Integer> asked = request.items().stream()
                .collect(Collectors.toMap(ReservationItemRequest::sku, ReservationItemRequest::quantity));
        if (!held.equals(asked)) {
            String what = items.isEmpty() && existing.status() == ReservationStatus.RELEASED
                    ? " was released before it reserved anything (reservation " + existing.id() + "); reserve under a new attempt"
                    : " already has reservation " + existing.id() + " with other items";
            throw ApiException.unprocessable("RESERVATION_MISMATCH", "Order " + request.orderId() + " (attempt "
                    + request.attemptOrFirst() + ")" + what);
        }
        return new ReservationDetails(existing, items);
    }

    /**
     * The row lock makes concurrent commit and release of one reservation take turns, and makes
     * them take turns with the expiry sweep, which locks the rows it expires the same way.
     */
    private ReservationDetails apply(UUID id, Function<Reservation, Transition> transition) {
        ReservationDetails locked = store.lockWithItems(id).orElseThrow(() -> notFound(id));
        return applyLocked(locked.reservation(), locked.items(), transition);
    }

    /** Applies the transition to a reservation whose row lock this transaction holds. */
    private ReservationDetails applyLocked(Reservation current, List<ReservationItem> items,
                                           Function<Reservation, Transition> transition) {
        UUID id = current.id();
        Transition change = transition.apply(current);
        if (!change.changes()) {
            return new ReservationDetails(current, items);
        }
        Instant now = now();
        holder.apply(change, List.of(id), items, now);
        return new ReservationDetails(current.withStatus(change.to(), now), items);
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("RESERVATION_NOT_FOUND", "No reservation with id " + id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
