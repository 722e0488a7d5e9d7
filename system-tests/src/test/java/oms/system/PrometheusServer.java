package oms.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's package) scraping a {@link SystemUnderTest}: the repository's
 * deploy/observability/prometheus.yml with its targets pointed at the test's ports, a short scrape
 * interval, a storage directory of its own and a free port for its web API.
 */
final class PrometheusServer implements AutoCloseable {

    /** Short, but not so short that a scrape of a busy service times out (the timeout is the interval at most). */
    static final String SCRAPE_INTERVAL = "2s";

    private final Process process;
    private final String url;
    private final Path log;

    private PrometheusServer(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** The binary on PATH (or /usr/bin), if installed. */
    static Optional<Path> binary(String name) {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static PrometheusServer scraping(SystemUnderTest sut, Path workDir) throws IOException {
        Path observability = sut.repositoryRoot().resolve("deploy/observability");
        Path config = workDir.resolve("prometheus.yml");
        Files.writeString(config, configFor(sut, Files.readString(observability.resolve("prometheus.yml")), observability));
        int port = freePort();
        Path log = sut.repositoryRoot().resolve("system-tests/target/system-logs/prometheus.log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(binary("prometheus").orElseThrow().toString(),
                "--config.file=" + config, "--storage.tsdb.path=" + workDir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, "http://127.0.0.1:" + port, log);
        server.awaitReady();
        return server;
    }

    /** The repository's scrape config with each job's target on the test's port and alerts.yml by absolute path. */
    @SuppressWarnings("unchecked")
    static String configFor(SystemUnderTest sut, String repositoryConfig, Path observability) {
        Map<String, Object> config = new Yaml().load(repositoryConfig);
        ((Map<String, Object>) config.get("global")).put("scrape_interval", SCRAPE_INTERVAL);
        ((Map<String, Object>) config.get("global")).put("evaluation_interval", SCRAPE_INTERVAL);
        config.put("rule_files", List.of(observability.resolve("alerts.yml").toString()));
        for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
            Service service = serviceOf((String) job.get("job_name"));
            job.put("static_configs", List.of(Map.of("targets", List.of("127.0.0.1:" + sut.port(service)))));
        }
        DumperOptions block = new DumperOptions();
        block.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(block).dump(config);
    }

    String url() {
        return url;
    }

    /** An instant query through Prometheus' own HTTP API: the result vector. */
    JsonNode query(String promql) {
        JsonNode answer = Http.json(Http.get(url + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)));
        if (!"success".equals(answer.path("status").asText())) {
            throw new AssertionError(promql + ": " + answer);
        }
        return answer.path("data").path("result");
    }

    JsonNode get(String path) {
        return Http.json(Http.get(url + path));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitReady() throws IOException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited: " + Files.readString(log));
            }
            try {
                if (Http.get(url + "/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException("prometheus not ready within 30 s: " + Files.readString(log));
    }

    private static Service serviceOf(String job) {
        for (Service service : Service.values()) {
            if (service.module().equals(job)) {
                return service;
            }
        }
        throw new IllegalArgumentException("deploy/observability/prometheus.yml has a job for no service: " + job);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
