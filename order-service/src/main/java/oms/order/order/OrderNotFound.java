package oms.order.order;

import oms.chassis.web.ApiException;

import java.util.UUID;

/** The 404 of an order that does not exist or that the caller may not see, and its example for the documents. */
public final class OrderNotFound {

    public static final String EXAMPLE = """
            {"type": "https://oms.example/problems/order-not-found", "title": "Not Found", "status": 404,
             "detail": "No order with id 0b9d3c1e-6f4a-4c36-9a55-2f1d8f0e7a10", "code": "ORDER_NOT_FOUND"}""";

    private OrderNotFound() {
    }

    public static ApiException of(UUID id) {
        return ApiException.notFound("ORDER_NOT_FOUND", "No order with id " + id);
    }
}
