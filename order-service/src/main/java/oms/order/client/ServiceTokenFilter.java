package oms.order.client;

import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;
import oms.chassis.security.ServiceToken;

/**
 * Every call to customer, inventory and payment carries order-service's own service token, never the
 * token of the client whose order it serves (which might be a customer's, and which recovery does
 * not have).
 */
@ClientFilter(serviceId = {"customer", "inventory", "payment"})
class ServiceTokenFilter {

    private final ServiceToken token;

    ServiceTokenFilter(ServiceToken token) {
        this.token = token;
    }

    @RequestFilter
    void authenticate(MutableHttpRequest<?> request) {
        token.bearer().ifPresent(request::bearerAuth);
    }
}
