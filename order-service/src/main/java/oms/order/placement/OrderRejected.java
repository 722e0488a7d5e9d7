package oms.order.placement;

import java.util.List;

/** A step's business answer that ends the order as REJECTED (422), e.g. INSUFFICIENT_STOCK. */
class OrderRejected extends RuntimeException {

    private final String code;
    private final List<String> skus;

    OrderRejected(String code, String detail, List<String> skus) {
        super(detail);
        this.code = code;
        this.skus = skus;
    }

    String code() {
        return code;
    }

    List<String> skus() {
        return skus;
    }
}
