package oms.chassis.security;

/** The values of a token's {@code roles} claim, for {@code @Secured} on the controllers. */
public final class Roles {

    /** A shopper; its token's {@code sub} is its customer id. */
    public static final String CUSTOMER = "customer";
    /** Everything under /api/v1 on every service. */
    public static final String ADMIN = "admin";
    /** order-service calling the others. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
