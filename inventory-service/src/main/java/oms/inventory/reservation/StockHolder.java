package oms.inventory.reservation;

import jakarta.inject.Singleton;
import oms.inventory.product.ProductStock;
import oms.chassis.web.ApiException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Moves the stock of reservations: takes it for a new one, all items or (by throwing inside the
 * transaction) none, and shifts it when reservations change status. Products are always touched
 * in sku order, so any two transactions lock shared products in the same order and cannot deadlock.
 */
@Singleton
class StockHolder {

    private static final int NAMED_SKUS = 5;

    private final ProductStock stock;

    StockHolder(ProductStock stock) {
        this.stock = stock;
    }

    /**
     * Holds every item, in sku order. Tries all items even after a failure, to name every offender.
     *
     * @return the held items with the unit prices they were held at, in sku order
     * @throws ApiException 422 PRODUCT_NOT_FOUND if any sku is unknown, else 422 INSUFFICIENT_STOCK
     */
    List<ReservationItem> hold(UUID reservationId, List<ReservationItemRequest> requested) {
        List<ReservationItem> held = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<ReservationItemRequest> bySku = requested.stream()
                .sorted(Comparator.comparing(ReservationItemRequest::sku)).toList();
        for (ReservationItemRequest item : bySku) {
            Optional<BigDecimal> price = stock.hold(item.sku(), item.quantity());
            if (price.isPresent()) {
                held.add(new ReservationItem(reservationId, item.sku(), item.quantity(), price.get()));
            } else {
                failed.add(item.sku());
            }
        }
        if (!failed.isEmpty()) {
            throw shortfall(failed);
        }
        return held;
    }

    /**
     * Applies {@code effect} to the items of one reservation or of a whole batch. The units are
     * summed per product first: a batch then locks its products in sku order across all of its
     * reservations, not reservation by reservation (A, C, then B would deadlock against B, C).
     */
    void move(StockEffect effect, Collection<ReservationItem> items) {
        if (effect == StockEffect.NONE) {
            return;
        }
        Map<String, Long> unitsBySku = new TreeMap<>();
        items.forEach(item -> unitsBySku.merge(item.sku(), (long) item.quantity(), Long::sum));
        unitsBySku.forEach((sku, units) ->
                stock.adjust(sku, effect.availableSign * units, effect.reservedSign * units));
    }

    /** A failed hold means unknown or short; unknown wins, as no restock would help the order. */
    private ApiException shortfall(List<String> failed) {
        Set<String> known = stock.existing(failed);
        List<String> unknown = failed.stream().filter(sku -> !known.contains(sku)).toList();
        if (!unknown.isEmpty()) {
            return ApiException.unprocessable("PRODUCT_NOT_FOUND",
                    "No product with sku " + named(unknown)).with("skus", unknown);
        }
        return ApiException.unprocessable("INSUFFICIENT_STOCK",
                "Not enough stock for sku " + named(failed)).with("skus", failed);
    }

    /**
     * The first few skus and how many more: a detail stays short however many (and however long)
     * skus an order names, so the caller can keep it; the {@code skus} member lists them all.
     */
    private static String named(List<String> skus) {
        int shown = Math.min(skus.size(), NAMED_SKUS);
        String first = String.join(", ", skus.subList(0, shown));
        return shown == skus.size() ? first : first + " and " + (skus.size() - shown) + " more";
    }
}
