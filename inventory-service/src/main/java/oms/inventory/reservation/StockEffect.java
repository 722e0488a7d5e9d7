package oms.inventory.reservation;

/**
 * What a status change does to each reserved unit of a product, as signs applied to the
 * quantity. None of them changes total_stock: units only move between available, reserved and sold.
 */
enum StockEffect {
    NONE(0, 0),
    /** Commit: held units are sold and leave reserved for good. */
    SELL(0, -1),
    /** Release of a HELD reservation: held units become free again. */
    UNHOLD(1, -1),
    /** Release of a COMMITTED reservation: sold units come back to the shelf. */
    RESTOCK(1, 0);

    final int availableSign;
    final int reservedSign;

    StockEffect(int availableSign, int reservedSign) {
        this.availableSign = availableSign;
        this.reservedSign = reservedSign;
    }
}
