package oms.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * A scenario's shop: its customers, a product with plenty of stock, and the i-th order body its
 * clients place.
 */
record OrderMix(List<String> customers, String plentiful, IntFunction<String> body) {

    static final int SCARCE_UNITS = 10;

    /**
     * Mostly plentiful products (some orders of two lines), one scarce product (so some orders are
     * REJECTED for stock) and one above the payment limit (so some are declined).
     */
    static OrderMix mixed(Shop shop) {
        List<String> customers = List.of(shop.customer(), shop.customer(), shop.customer(), shop.customer());
        List<String> plenty = List.of(shop.product("9.99", 100_000), shop.product("25.00", 100_000),
                shop.product("4.50", 100_000));
        String scarce = shop.product("12.00", SCARCE_UNITS);
        String luxury = shop.product("1500.00", 100_000);
        return new OrderMix(customers, plenty.get(0), i -> {
            String customer = customers.get(i % customers.size());
            Map<String, Integer> items = new LinkedHashMap<>();
            switch (i % 12) {
                case 0 -> items.put(scarce, 1);
                case 1 -> items.put(luxury, 1);
                case 2 -> {
                    items.put(plenty.get(0), 2);
                    items.put(plenty.get(1), 1);
                }
                case 3 -> {
                    items.put(plenty.get(2), 1);
                    items.put(scarce, 1);
                }
                default -> items.put(plenty.get(i % 3), 1 + i % 4);
            }
            return order(customer, items);
        });
    }

    /** One customer ordering 1-3 units of one product. */
    static OrderMix single(Shop shop) {
        String customer = shop.customer();
        String sku = shop.product("10.00", 1000);
        return new OrderMix(List.of(customer), sku, i -> Shop.order(customer, sku, 1 + i % 3));
    }

    private static String order(String customerId, Map<String, Integer> items) {
        return "{\"customerId\":\"" + customerId + "\",\"items\":[" + items.entrySet().stream()
                .map(e -> "{\"sku\":\"" + e.getKey() + "\",\"quantity\":" + e.getValue() + "}")
                .collect(Collectors.joining(",")) + "]}";
    }
}
