package oms.chassis.security;

import io.micronaut.security.rules.SecurityRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The role check alone; the services' AccessITs run the whole matrix over HTTP. */
class AccessFilterTest {

    @Test
    void aRouteWithoutSecuredIsForAdminsOnly() {
        String[] none = {};
        assertTrue(AccessFilter.permits(none, List.of(Roles.ADMIN)));
        assertFalse(AccessFilter.permits(none, List.of(Roles.SERVICE)));
        assertFalse(AccessFilter.permits(none, List.of()));
    }

    @Test
    void oneListedRoleIsEnough() {
        String[] allowed = {Roles.ADMIN, Roles.SERVICE};
        assertTrue(AccessFilter.permits(allowed, List.of(Roles.CUSTOMER, Roles.SERVICE)));
        assertFalse(AccessFilter.permits(allowed, List.of(Roles.CUSTOMER)));
        assertFalse(AccessFilter.permits(allowed, List.of("Admin")), "roles are compared exactly");
    }

    @Test
    void isAuthenticatedLetsAnyValidTokenIn() {
        assertTrue(AccessFilter.permits(new String[] {SecurityRule.IS_AUTHENTICATED}, List.of()));
    }
}
