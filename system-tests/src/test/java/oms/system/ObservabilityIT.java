package oms.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract's "Operating it" against the four real services: a real Prometheus scrapes them with
 * the repository's configuration and alert rules, and a client's trace id is found in every
 * service's log for its order. Prometheus is Debian's package (scripts/test.sh installs it); where
 * it is missing, the Prometheus tests are skipped and say so.
 */
class ObservabilityIT {

    @AutoClose
    private static SystemUnderTest sut;
    private static Shop shop;

    @BeforeAll
    static void startSystem() {
        sut = SystemUnderTest.builder().start();
        shop = new Shop(sut);
    }


    @Test
    void repositoryScrapeConfigAndAlertRulesPassPromtool() throws Exception {
        Path promtool = PrometheusServer.binary("promtool").orElse(null);
        assumeTrue(promtool != null, "promtool is not installed (apt-get install prometheus); skipping");
        Path dir = sut.repositoryRoot().resolve("deploy/observability");
        for (List<String> check : List.of(List.of("check", "config", "prometheus.yml"),
                List.of("check", "rules", "alerts.yml"), List.of("test", "rules", "alerts-test.yml"))) {
            List<String> command = new java.util.ArrayList<>(List.of(promtool.toString()));
            command.addAll(check);
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool " + check + " hangs");
            assertEquals(0, process.exitValue(), "promtool " + check + ":\n" + output);
        }
    }

    @Test
    void prometheusScrapesAllFourAndCountsOrdersByStatus(@TempDir Path work) throws IOException {
        assumeTrue(PrometheusServer.binary("prometheus").isPresent(),
                "prometheus is not installed (apt-get install prometheus); skipping");
        try (PrometheusServer prometheus = PrometheusServer.scraping(sut, work)) {
            String customer = shop.customer();
            String sku = shop.product("10.00", 100);
            for (int i = 0; i < 3; i++) {
                assertEquals(201, shop.place(Shop.order(customer, sku, 1)).statusCode());
            }
            assertEquals(422, shop.place(Shop.order(shop.suspendedCustomer(), sku, 1)).statusCode());

            Map<String, Double> byStatus = awaitOrdersTotal(prometheus, Map.of("CONFIRMED", 3.0, "REJECTED", 1.0));
            assertEquals(3.0, byStatus.get("CONFIRMED"), "CONFIRMED in " + byStatus);
            assertEquals(1.0, byStatus.get("REJECTED"), "REJECTED in " + byStatus);
            assertEquals(0.0, byStatus.get("FAILED"), "FAILED in " + byStatus);

            JsonNode up = awaitResults(prometheus, "up == 1", 4);
            assertEquals(4, up.size(), "all four jobs up: " + up);
            assertEquals(5, prometheus.query("resilience4j_circuitbreaker_state{state=\"closed\"} == 1").size(),
                    "the five breakers (customer, inventory, payment and the two look-ups) closed");
            assertTrue(prometheus.query("hikaricp_connections_max").size() >= 4, "every service's pool");
            JsonNode rules = prometheus.get("/api/v1/rules?type=alert").path("data").path("groups").get(0).path("rules");
            assertEquals(4, rules.size(), "the repository's alert rules are loaded: " + rules);
            assertDashboardQueriesRun(prometheus);
        }
    }

    @Test
    void aClientsTraceIdShowsUpInAllFourServicesLogsForItsOrder() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String customer = shop.customer();
        String sku = shop.product("5.00", 10);
        HttpResponse<String> placed = Http.post(sut.url(Service.ORDER) + "/api/v1/orders", Shop.order(customer, sku, 1),
                "Idempotency-Key", UUID.randomUUID().toString(), "traceparent", "00-" + traceId + "-a2fb4a1d1a96d312-01");
        assertEquals(201, placed.statusCode(), placed.body());
        String orderId = Http.json(placed).get("id").asText();

        for (Service service : Service.values()) {
            List<String> lines = awaitLines(service, traceId);
            assertTrue(!lines.isEmpty(), service.module() + " logged nothing with trace_id=" + traceId);
        }
        assertTrue(awaitLines(Service.ORDER, traceId).stream().anyMatch(line -> line.contains("order_id=" + orderId)),
                "order-service's lines about the order carry order_id=" + orderId);
    }

    /** Every query of the provisioned Grafana dashboard is valid PromQL over the metrics the services serve. */
    private static void assertDashboardQueriesRun(PrometheusServer prometheus) throws IOException {
        JsonNode dashboard = Http.JSON.readTree(sut.repositoryRoot()
                .resolve("deploy/observability/grafana/dashboards/oms-overview.json").toFile());
        int queries = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                prometheus.query(target.path("expr").asText());   // fails on a query Prometheus refuses
                queries++;
            }
        }
        assertTrue(queries >= 6, "the dashboard has its panels: " + queries);
        assertTrue(prometheus.query("oms_orders_pending").size() == 1, "the PENDING backlog panel has its series");
    }

    private static List<String> awaitLines(Service service, String traceId) {
        Instant until = Instant.now().plus(Duration.ofSeconds(5));
        List<String> lines;
        do {
            lines = sut.log(service).lines().filter(line -> line.contains("trace_id=" + traceId)).toList();
        } while (lines.isEmpty() && Instant.now().isBefore(until) && pause());
        return lines;
    }

    private static boolean pause() {
        PrometheusServer.sleep(200);
        return true;
    }

    /** The query's result once it has {@code size} series (a scrape can miss on a busy machine), or after 30 s. */
    private static JsonNode awaitResults(PrometheusServer prometheus, String promql, int size) {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode result = prometheus.query(promql);
        while (result.size() != size && Instant.now().isBefore(until)) {
            PrometheusServer.sleep(500);
            result = prometheus.query(promql);
        }
        return result;
    }

    /** oms_orders_total by status as Prometheus has it, once it has scraped what is expected (or after 30 s). */
    private static Map<String, Double> awaitOrdersTotal(PrometheusServer prometheus, Map<String, Double> expected) {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        Map<String, Double> byStatus = new HashMap<>();
        while (Instant.now().isBefore(until)) {
            byStatus.clear();
            for (JsonNode sample : prometheus.query("sum by (status) (oms_orders_total{job=\"order-service\"})")) {
                byStatus.put(sample.path("metric").path("status").asText(), sample.path("value").get(1).asDouble());
            }
            if (expected.entrySet().stream().allMatch(e -> e.getValue().equals(byStatus.get(e.getKey())))) {
                break;
            }
            PrometheusServer.sleep(500);
        }
        return byStatus;
    }
}
