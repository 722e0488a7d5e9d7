package oms.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness itself, on customer-service alone (the cheapest service to start). */
class SystemUnderTestIT {

    @Test
    void restartsAServiceOnTheSamePortAndDatabaseAndDropsTheDatabaseOnClose() {
        String database;
        try (SystemUnderTest sut = SystemUnderTest.builder()
                .only(Service.CUSTOMER)
                .env(Service.CUSTOMER, "LOG_LEVEL", "debug")
                .start()) {
            database = sut.databaseName(Service.CUSTOMER);
            assertTrue(Postgres.databaseExists(database), "database " + database + " should exist while running");
            assertTrue(sut.startupTimes().get(Service.CUSTOMER).toMillis() > 0, "startup time is measured");
            assertTrue(sut.log(Service.CUSTOMER).contains(" DEBUG "), "LOG_LEVEL=debug reached the process");
            assertThrows(IllegalArgumentException.class, () -> sut.url(Service.ORDER), "order-service was not started");

            String id = createCustomer(sut);
            int port = sut.port(Service.CUSTOMER);

            sut.stop(Service.CUSTOMER);
            assertFalse(sut.isRunning(Service.CUSTOMER));
            assertThrows(RuntimeException.class, () -> Http.get(sut.url(Service.CUSTOMER) + "/health"));

            sut.start(Service.CUSTOMER);
            assertEquals(port, sut.port(Service.CUSTOMER));
            assertEquals(200, Http.get(sut.url(Service.CUSTOMER) + "/api/v1/customers/" + id).statusCode(),
                    "the customer survives a graceful restart");

            sut.kill(Service.CUSTOMER);
            assertFalse(sut.isRunning(Service.CUSTOMER));
            sut.start(Service.CUSTOMER);
            assertEquals(200, Http.get(sut.url(Service.CUSTOMER) + "/api/v1/customers/" + id).statusCode(),
                    "the customer survives a kill -9");
        }
        assertFalse(Postgres.databaseExists(database), "close() drops " + database);
    }

    @Test
    void runsASecondOrderServiceInstanceOnTheSameDatabaseAndStopsItOnClose() {
        String second;
        try (SystemUnderTest sut = SystemUnderTest.builder().only(Service.ORDER).start()) {
            assertThrows(IllegalStateException.class, sut::secondOrderUrl, "no second instance yet");
            second = sut.startSecondOrderInstance(java.util.Map.of("LOG_LEVEL", "debug"));
            assertTrue(sut.isSecondOrderInstanceRunning());
            assertTrue(!second.equals(sut.url(Service.ORDER)) && second.startsWith("http://127.0.0.1:"), second);
            assertEquals(second, sut.secondOrderUrl());
            assertEquals(200, Http.get(second + "/health/readiness").statusCode());
            assertTrue(sut.secondOrderLog().contains(sut.databaseName(Service.ORDER)), "same order database");
            assertTrue(sut.secondOrderLog().contains(" DEBUG "), "its own overrides reach it");

            sut.killSecondOrderInstance();
            assertFalse(sut.isSecondOrderInstanceRunning());
            assertThrows(RuntimeException.class, () -> Http.get(second + "/health"));
            assertEquals(200, Http.get(sut.url(Service.ORDER) + "/health/readiness").statusCode(),
                    "the first instance does not notice");
            assertEquals(second, sut.startSecondOrderInstance(), "restarts on the same port");
            assertEquals(200, Http.get(second + "/health/readiness").statusCode());
        }
        assertThrows(RuntimeException.class, () -> Http.get(second + "/health"), "close() stops the second instance");
    }

    private static String createCustomer(SystemUnderTest sut) {
        String email = "harness-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> created = Http.post(sut.url(Service.CUSTOMER) + "/api/v1/customers",
                "{\"name\":\"Harness\",\"email\":\"" + email + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode customer = Http.json(created);
        assertEquals("ACTIVE", customer.get("status").asText());
        return customer.get("id").asText();
    }
}
