package oms.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The settings each service is launched with by {@link SystemUnderTest}, before a test's overrides. */
final class Launch {

    private Launch() {
    }

    /** The same variables compose.yaml and scripts/start-local.sh set, pointed at this run's databases and ports. */
    static Map<String, String> defaultEnv(Service service, String database, Map<Service, Integer> ports) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", String.valueOf(ports.get(service)));
        env.put("DB_URL", Postgres.jdbcUrl(database));
        env.put("DB_USER", Postgres.USER);
        env.put("DB_PASSWORD", Postgres.PASSWORD);
        env.put("DB_POOL_SIZE", "10");
        env.put("LOG_LEVEL", "info");
        env.put("JWT_SECRET", Tokens.SECRET);
        switch (service) {
            case INVENTORY -> {
                env.put("SHOP_CURRENCY", "USD");
                env.put("RESERVATION_TTL", "10m");
            }
            case PAYMENT -> {
                env.put("SHOP_CURRENCY", "USD");
                env.put("PAYMENT_LIMIT", "1000.00");
                env.put("PAYMENT_DELAY_AFTER_COMMIT", "0ms");
            }
            case ORDER -> {
                env.put("CUSTOMER_SERVICE_URL", "http://127.0.0.1:" + ports.get(Service.CUSTOMER));
                env.put("INVENTORY_SERVICE_URL", "http://127.0.0.1:" + ports.get(Service.INVENTORY));
                env.put("PAYMENT_SERVICE_URL", "http://127.0.0.1:" + ports.get(Service.PAYMENT));
            }
            default -> { }
        }
        return env;
    }

    /** One more free port, none of {@code taken} (the ports of services that may be down right now). */
    static int freePort(java.util.Collection<Integer> taken) {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (!taken.contains(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot find a free port", e);
            }
        }
        throw new IllegalStateException("No free port outside " + taken + " after 50 tries");
    }

    /** A free port for every service, even one not started, so order-service always has URLs to call. */
    static Map<Service, Integer> freePorts() {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (Service service : Service.values()) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports.put(service, socket.getLocalPort());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find free ports", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is free either way
                }
            }
        }
        return ports;
    }
}
