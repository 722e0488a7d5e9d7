package oms.chassis.security;

import io.micronaut.security.authentication.Authentication;

import java.util.Optional;
import java.util.UUID;

/**
 * The authenticated principal of a request as the services' scoping rules see it.
 *
 * @param principal the token's {@code sub}
 * @param customer  true when the caller acts as a customer only: no admin or service role widens it
 */
public record Caller(String principal, boolean customer) {

    /** The service itself, e.g. answering a request it already checked, or its recovery worker. */
    public static final Caller SYSTEM = new Caller("system", false);

    public static Caller of(Authentication authentication) {
        var roles = authentication.getRoles();
        boolean wider = roles.contains(Roles.ADMIN) || roles.contains(Roles.SERVICE);
        return new Caller(authentication.getName(), roles.contains(Roles.CUSTOMER) && !wider);
    }

    /** The customer id of a customer caller; empty for others and for a {@code sub} that is no UUID. */
    public Optional<UUID> customerId() {
        if (!customer) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(principal));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when this caller may see what belongs to the given customer. */
    public boolean mayActFor(UUID customerId) {
        return !customer || customerId().filter(customerId::equals).isPresent();
    }
}
