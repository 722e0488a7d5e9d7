package oms.order.stub;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.inject.Singleton;
import oms.chassis.security.Roles;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Customer, inventory and payment as small in-memory controllers on the test's own embedded server,
 * so that order-service's real HTTP clients, breakers and database are exercised. They let in only a
 * service token, as the real services do for order-service.
 */
public final class StubDownstreams {

    private StubDownstreams() {
    }

    /** What the stubs know and how they behave; tests change it. */
    @Singleton
    @Requires(property = "spec.name", value = "OrderApiIT")
    public static class World {
        public final Set<UUID> activeCustomers = ConcurrentHashMap.newKeySet();
        public final Map<String, AtomicInteger> stock = new ConcurrentHashMap<>();
        public final Map<UUID, Map<String, Object>> reservations = new ConcurrentHashMap<>();
        public final Map<UUID, Map<String, Object>> payments = new ConcurrentHashMap<>();
        public final AtomicInteger reserveCalls = new AtomicInteger();
        public volatile long reserveDelayMillis;
        public volatile boolean paymentDown;
        /** The traceparent header of every customer look-up, to check that traces cross the call. */
        public final List<String> customerTraceparents = new java.util.concurrent.CopyOnWriteArrayList<>();
    }

    @Requires(property = "spec.name", value = "OrderApiIT")
    @Controller("/api/v1/customers")
    @Secured(Roles.SERVICE)
    static class Customers {
        private final World world;

        Customers(World world) {
            this.world = world;
        }

        @Get("/{id}")
        HttpResponse<?> get(@PathVariable UUID id, @io.micronaut.http.annotation.Header("traceparent") @Nullable String traceparent) {
            world.customerTraceparents.add(String.valueOf(traceparent));
            return world.activeCustomers.contains(id)
                    ? HttpResponse.ok(Map.of("id", id, "status", "ACTIVE"))
                    : HttpResponse.notFound(Map.of("code", "CUSTOMER_NOT_FOUND"));
        }
    }

    @Requires(property = "spec.name", value = "OrderApiIT")
    @Controller("/api/v1/reservations")
    @Secured(Roles.SERVICE)
    @ExecuteOn(TaskExecutors.BLOCKING)
    static class Reservations {
        private final World world;

        Reservations(World world) {
            this.world = world;
        }

        @Post
        synchronized HttpResponse<?> reserve(@Body Map<String, Object> request) throws InterruptedException {
            world.reserveCalls.incrementAndGet();
            Thread.sleep(world.reserveDelayMillis);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) request.get("items");
            for (Map<String, Object> item : items) {
                AtomicInteger left = world.stock.get((String) item.get("sku"));
                if (left == null || left.get() < ((Number) item.get("quantity")).intValue()) {
                    return HttpResponse.unprocessableEntity().body(Map.of("code", "INSUFFICIENT_STOCK",
                            "skus", List.of(item.get("sku"))));
                }
            }
            items.forEach(i -> world.stock.get((String) i.get("sku")).addAndGet(-((Number) i.get("quantity")).intValue()));
            UUID id = UUID.randomUUID();
            Map<String, Object> reservation = new ConcurrentHashMap<>(Map.of("id", id, "orderId", request.get("orderId"),
                    "attempt", request.get("attempt"), "status", "HELD", "currency", "USD",
                    "items", items.stream().map(i -> Map.of("sku", i.get("sku"), "quantity", i.get("quantity"),
                            "unitPrice", new BigDecimal("12.50"))).toList()));
            world.reservations.put(id, reservation);
            return HttpResponse.created(reservation);
        }

        @Post("/{id}/commit")
        Map<String, Object> commit(@PathVariable UUID id) {
            world.reservations.get(id).put("status", "COMMITTED");
            return world.reservations.get(id);
        }

        @Post("/{id}/release")
        synchronized Map<String, Object> release(@PathVariable UUID id) {
            Map<String, Object> r = world.reservations.get(id);
            if (!"RELEASED".equals(r.get("status"))) {
                r.put("status", "RELEASED");
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> items = (List<Map<String, Object>>) r.get("items");
                items.forEach(i -> world.stock.get((String) i.get("sku")).addAndGet(((Number) i.get("quantity")).intValue()));
            }
            return r;
        }

        @Post("/releases")
        synchronized HttpResponse<?> releaseAttempt(@Body Map<String, Object> request) {
            return world.reservations.values().stream()
                    .filter(r -> r.get("orderId").toString().equals(request.get("orderId").toString())
                            && r.get("attempt").toString().equals(request.get("attempt").toString()))
                    .findFirst().<HttpResponse<?>>map(r -> HttpResponse.ok(release((UUID) r.get("id"))))
                    .orElseGet(() -> HttpResponse.created(Map.of("id", UUID.randomUUID(), "orderId", request.get("orderId"),
                            "attempt", request.get("attempt"), "status", "RELEASED", "items", List.of(), "currency", "USD")));
        }

        @Get
        List<Map<String, Object>> byOrder(@QueryValue String orderId) {
            return world.reservations.values().stream().filter(r -> r.get("orderId").toString().equals(orderId)).toList();
        }
    }

    @Requires(property = "spec.name", value = "OrderApiIT")
    @Controller("/api/v1/payments")
    @Secured(Roles.SERVICE)
    static class Payments {
        private final World world;

        Payments(World world) {
            this.world = world;
        }

        @Post
        HttpResponse<?> authorize(@Body Map<String, Object> request) {
            if (world.paymentDown) {
                return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE);
            }
            boolean ok = new BigDecimal(request.get("amount").toString()).compareTo(new BigDecimal("1000")) <= 0;
            UUID id = UUID.randomUUID();
            Map<String, Object> payment = new ConcurrentHashMap<>(Map.of("id", id, "orderId", request.get("orderId"),
                    "attempt", request.get("attempt"), "amount", request.get("amount"), "currency", "USD",
                    "status", ok ? "AUTHORIZED" : "DECLINED"));
            world.payments.put(id, payment);
            return HttpResponse.created(payment);
        }

        @Post("/voids")
        HttpResponse<?> voidAttempt(@Body Map<String, Object> request) {
            return world.payments.values().stream()
                    .filter(p -> p.get("orderId").toString().equals(request.get("orderId").toString())
                            && p.get("attempt").toString().equals(request.get("attempt").toString()))
                    .findFirst().<HttpResponse<?>>map(p -> HttpResponse.ok(voidPayment((UUID) p.get("id"))))
                    .orElseGet(() -> HttpResponse.created(Map.of("id", UUID.randomUUID(), "orderId", request.get("orderId"),
                            "attempt", request.get("attempt"), "amount", request.get("amount"), "currency", "USD",
                            "status", "VOIDED")));
        }

        @Post("/{id}/void")
        Map<String, Object> voidPayment(@PathVariable UUID id) {
            world.payments.get(id).put("status", "VOIDED");
            return world.payments.get(id);
        }

        @Get
        List<Map<String, Object>> byOrder(@QueryValue @Nullable String orderId) {
            return world.payments.values().stream().filter(p -> p.get("orderId").toString().equals(orderId)).toList();
        }
    }
}
