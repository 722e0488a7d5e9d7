package oms.inventory.product;

/** The contract's shape of a product key, shared by every request that names a product. */
public final class Sku {

    public static final String PATTERN = "^[A-Za-z0-9._-]{1,64}$";
    public static final String MESSAGE = "must be 1-64 characters of A-Z a-z 0-9 . _ -";

    private Sku() {
    }
}
