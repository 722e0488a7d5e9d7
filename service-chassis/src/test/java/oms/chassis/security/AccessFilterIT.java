package oms.chassis.security;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import oms.chassis.testing.RawHttp;
import oms.chassis.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * AccessFilter's rules over real HTTP, on routes of this test's own: the services' AccessITs run
 * their role tables, these are the cases no service route shows.
 */
@MicronautTest
@Property(name = "spec.name", value = "AccessFilterIT")
@Property(name = "micronaut.application.name", value = "chassis-test")
class AccessFilterIT {

    @Inject
    EmbeddedServer server;

    @Test
    void aSecuredRouteOnAnAnonymousLookingPathStillNeedsItsRole() {
        assertEquals(401, get("/swagger-ui/admin-only", null));
        assertEquals(403, get("/swagger-ui/admin-only", TestTokens.service()));
        assertEquals(200, get("/swagger-ui/admin-only", TestTokens.admin()));
    }

    @Test
    void aRouteWithoutSecuredIsForAdminsOnly() {
        assertEquals(401, get("/access-filter-test/unmarked", null));
        assertEquals(403, get("/access-filter-test/unmarked", TestTokens.service()));
        assertEquals(200, get("/access-filter-test/unmarked", TestTokens.admin()));
    }

    @Test
    void anAnonymousRouteTakesNoTokenAndIgnoresABadOne() {
        assertEquals(200, get("/access-filter-test/anonymous", null));
        assertEquals(200, get("/access-filter-test/anonymous", "not-a-jwt"));
    }

    @Test
    void anUnknownPathIsA404ForEveryone() {
        assertEquals(404, get("/access-filter-test/nothing-here", null));
    }

    private int get(String path, String token) {
        return RawHttp.send(server.getURL(), "GET", path, token, null).statusCode();
    }

    @Requires(property = "spec.name", value = "AccessFilterIT")
    @Controller
    static class Routes {

        @Get("/swagger-ui/admin-only")
        @Secured(Roles.ADMIN)
        String adminOnly() {
            return "secret";
        }

        @Get("/access-filter-test/unmarked")
        String unmarked() {
            return "unmarked";
        }

        @Get("/access-filter-test/anonymous")
        @Secured(SecurityRule.IS_ANONYMOUS)
        String anonymous() {
            return "open";
        }
    }
}
