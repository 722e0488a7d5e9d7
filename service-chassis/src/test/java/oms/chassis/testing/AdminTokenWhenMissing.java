package oms.chassis.testing;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/**
 * Test classpath only: a request a test's HTTP client sends without an Authorization header goes with
 * an admin token, so the many existing API tests read as before. Tests of who may call what set the
 * header themselves (or use a client this filter does not see). The service clients of order-service
 * (customer, inventory, payment) are left alone: they must show their own service token.
 */
@ClientFilter(excludeServiceId = {"customer", "inventory", "payment"})
public class AdminTokenWhenMissing {

    @RequestFilter
    public void addAdminToken(MutableHttpRequest<?> request) {
        if (!request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            request.bearerAuth(TestTokens.admin());
        }
    }
}
