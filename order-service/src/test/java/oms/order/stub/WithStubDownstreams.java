package oms.order.stub;

import oms.chassis.testing.TestDatabase;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * order-service on a port of its own and a database of its own, its customer, inventory and payment
 * URLs pointing back at itself, where {@link StubDownstreams} answers (with {@code spec.name} OrderApiIT).
 */
public abstract class WithStubDownstreams extends TestDatabase {

    /** Known before the application starts, so the downstream URLs can name it. */
    protected final int port = freePort();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        String self = "http://127.0.0.1:" + port;
        properties.put("micronaut.server.port", String.valueOf(port));
        properties.put("micronaut.http.services.customer.url", self);
        properties.put("micronaut.http.services.inventory.url", self);
        properties.put("micronaut.http.services.payment.url", self);
        return properties;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
