package oms.order.client;

import java.util.UUID;

/** customer-service as the placement sees it. */
public interface CustomerGateway {

    /** @throws DownstreamRejected with status 404 when there is no such customer */
    CustomerView find(UUID customerId);
}
