package oms.order.client;

import java.util.List;
import java.util.UUID;

/** inventory-service as the placement sees it; every call is idempotent. */
public interface InventoryGateway {

    ReservationView reserve(ReservationRequest request);

    ReservationView commit(UUID reservationId);

    List<ReservationView> reservationsOf(UUID orderId);

    /**
     * Makes sure this order attempt holds no stock: releases its reservation, or, if there is none
     * (yet), leaves a tombstone so that a reserve still in flight cannot take stock afterwards.
     */
    ReservationView releaseAttempt(UUID orderId, int attempt);
}
