package oms.order.placement;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes the placement's progress, the prices once reserved, the timeline entries and, at the end,
 * the key's answer in ONE statement: each write is a round trip to PostgreSQL (and, on its own, a
 * commit), and a placement makes three of these. The lease is checked by the UPDATE; the rest is
 * written only if it matched, so an insert count of 0 means the lease is lost.
 */
@Singleton
class JdbcPlacementJournal implements PlacementJournal {

    private static final String RECORD = """
            WITH moved AS (
                UPDATE orders SET status = ?, currency = ?, total_amount = ?, reservation_id = ?, payment_id = ?,
                       failure_reason = ?, failure_detail = ?, step = ?, compensating = ?, cancel_requested = ?,
                       lease_until = ?, updated_at = ?
                WHERE id = ? AND lease_token = ?
                RETURNING id, attempt),
            priced AS (
                UPDATE order_item SET unit_price = p.price
                FROM unnest(?::text[], ?::numeric[]) AS p(sku, price)
                WHERE order_item.order_id = (SELECT id FROM moved) AND order_item.sku = p.sku),
            completed AS (
                UPDATE idempotency_key SET state = 'COMPLETED', locked_until = NULL,
                       response_status = ?, response_body = ?, updated_at = ?
                WHERE ? AND order_id = (SELECT id FROM moved))
            INSERT INTO order_event (order_id, attempt, step, outcome, detail, at)
            SELECT moved.id, moved.attempt, e.step, e.outcome, e.detail, e.at::timestamptz
            FROM moved, unnest(?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS e(step, outcome, detail, at, n)
            ORDER BY e.n""";

    private final JdbcOperations jdbc;
    private final PlacementSettings settings;
    private final Clock clock;

    JdbcPlacementJournal(JdbcOperations jdbc, PlacementSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Connectable   // no transaction of its own: one statement is atomic (autocommit), or joins the caller's
    public void record(Placement p, String step, String outcome, String detail) {
        write(p, step, outcome, detail, null);
    }

    @Override
    @Connectable
    public PlacementOutcome settle(Placement p, String step, String outcome, String detail,
                                   Function<Placement, PlacementOutcome> answer) {
        return write(p, step, outcome, detail, answer);
    }

    private PlacementOutcome write(Placement p, String step, String outcome, String detail,
                                  Function<Placement, PlacementOutcome> answer) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // The placement (and the answer, which shows the order as this write leaves it) take the write's
        // time before it is made; if it fails or the lease is lost, every caller drops the placement.
        p.written(now);
        PlacementOutcome settled = answer == null ? null : answer.apply(p);
        List<Placement.Event> entries = new ArrayList<>(p.drainPendingEvents());
        entries.add(new Placement.Event(step, outcome, detail, now));
        // The prices are inventory's answer to the reservation: written once, with its step.
        List<Placement.Line> priced = "RESERVE_STOCK".equals(step) && "DONE".equals(outcome) ? p.lines() : List.of();
        int written = jdbc.prepareStatement(RECORD, ps -> {
            int i = 0;
            ps.setString(++i, p.status().name());
            ps.setString(++i, p.currency());
            ps.setBigDecimal(++i, p.totalAmount());
            setUuid(ps, ++i, p.reservationId());
            setUuid(ps, ++i, p.paymentId());
            ps.setString(++i, p.failureCode());
            ps.setString(++i, p.failureDetail());
            ps.setString(++i, p.progress().name());
            ps.setBoolean(++i, p.compensating());
            ps.setBoolean(++i, p.cancelRequested());
            ps.setTimestamp(++i, Timestamp.from(now.plus(settings.lease())));
            ps.setTimestamp(++i, Timestamp.from(now));
            ps.setObject(++i, p.orderId());
            ps.setObject(++i, p.leaseToken());
            setTexts(ps, ++i, priced.stream().map(Placement.Line::sku).toList());
            setTexts(ps, ++i, priced.stream().map(l -> plain(l.unitPrice())).toList());
            ps.setInt(++i, settled == null ? 0 : settled.status());
            ps.setString(++i, settled == null ? null : settled.body());
            ps.setTimestamp(++i, Timestamp.from(now));
            ps.setBoolean(++i, settled != null);
            setTexts(ps, ++i, entries.stream().map(Placement.Event::step).toList());
            setTexts(ps, ++i, entries.stream().map(Placement.Event::outcome).toList());
            setTexts(ps, ++i, entries.stream().map(e -> truncate(e.detail())).toList());
            setTexts(ps, ++i, entries.stream().map(e -> e.at().truncatedTo(ChronoUnit.MICROS).toString()).toList());
            return ps.executeUpdate();
        });
        if (written == 0) {
            throw new LeaseLost("Order " + p.orderId() + " is now driven by another holder");
        }
        return settled;
    }

    private static void setUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.OTHER);
        } else {
            ps.setObject(index, value);
        }
    }

    private static void setTexts(PreparedStatement ps, int index, List<String> values) throws SQLException {
        ps.setArray(index, ps.getConnection().createArrayOf("text", values.toArray()));
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }
}
