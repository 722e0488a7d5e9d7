package oms.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service as a real {@code java -jar} process on a fixed port; it can be stopped, killed and
 * started again on the same port and database.
 */
final class ServiceProcess {

    /** Everything a service reads from its environment; cleared first so the caller's shell cannot leak in. */
    static final List<String> SERVICE_VARIABLES = List.of("PORT", "DB_URL", "DB_USER", "DB_PASSWORD",
            "DB_POOL_SIZE", "LOG_LEVEL", "SHOP_CURRENCY", "RESERVATION_TTL", "PAYMENT_LIMIT",
            "PAYMENT_DELAY_AFTER_COMMIT", "CUSTOMER_SERVICE_URL", "INVENTORY_SERVICE_URL", "PAYMENT_SERVICE_URL",
            "CUSTOMER_CONNECT_TIMEOUT", "CUSTOMER_READ_TIMEOUT", "INVENTORY_CONNECT_TIMEOUT", "INVENTORY_READ_TIMEOUT",
            "PAYMENT_CONNECT_TIMEOUT", "PAYMENT_READ_TIMEOUT", "BREAKER_FAILURE_RATE", "BREAKER_WINDOW",
            "BREAKER_MIN_CALLS", "BREAKER_OPEN_FOR", "RETRY_MAX_ATTEMPTS", "RETRY_INITIAL_BACKOFF",
            "PLACEMENT_KEY_LOCK", "PLACEMENT_RETRY_AFTER", "PLACEMENT_BUDGET", "PLACEMENT_LEASE", "RECOVERY_INTERVAL",
            "RECOVERY_BATCH", "RECOVERY_MAX_BACKOFF",
            "IDEMPOTENCY_RETENTION", "IDEMPOTENCY_CLEANUP_INTERVAL", "MICRONAUT_ENVIRONMENTS", "JAVA_TOOL_OPTIONS");

    private static final HttpClient PROBE = HttpClient.newBuilder()
            .connectTimeout(Duration.ofMillis(500))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final Service service;
    private final String name;
    private final Path jar;
    private final Path log;
    private final int port;
    private final Map<String, String> env;
    private final List<String> jvmArgs;
    private Process process;
    private Instant launchedAt;
    private long logOffset;

    ServiceProcess(Service service, Path jar, Path log, int port, Map<String, String> env, List<String> jvmArgs) {
        this(service, service.module(), jar, log, port, env, jvmArgs);
    }

    /** {@code name} tells two instances of one service apart in messages and logs, e.g. {@code order-service-2}. */
    ServiceProcess(Service service, String name, Path jar, Path log, int port, Map<String, String> env,
                   List<String> jvmArgs) {
        this.service = service;
        this.name = name;
        this.jar = jar;
        this.log = log;
        this.port = port;
        this.env = Map.copyOf(env);
        this.jvmArgs = List.copyOf(jvmArgs);
    }

    String name() {
        return name;
    }

    Service service() {
        return service;
    }

    int port() {
        return port;
    }

    Map<String, String> env() {
        return env;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    void launch() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(log.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        SERVICE_VARIABLES.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        try {
            Files.createDirectories(log.getParent());
            logOffset = Files.exists(log) ? Files.size(log) : 0;
            Files.writeString(log, "%n=== %s launching %s on port %d with %s ===%n"
                            .formatted(LocalTime.now().truncatedTo(ChronoUnit.MILLIS), name, port, env),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            launchedAt = Instant.now();
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch " + command, e);
        }
    }

    /** Waits until {@code /health/readiness} answers 200; returns the time since launch. */
    Duration awaitReady(Duration timeout) {
        Instant deadline = launchedAt.plus(timeout);
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(url() + "/health/readiness"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it became ready. Log " + log + ":\n" + logTail(60));
            }
            try {
                if (PROBE.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.between(launchedAt, Instant.now());
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (Instant.now().isAfter(deadline)) {
                kill();
                throw new IllegalStateException(name + " not ready within " + timeout.toSeconds()
                        + "s. Log " + log + ":\n" + logTail(60));
            }
            sleep(200);
        }
    }

    /** SIGTERM, a graceful shutdown of up to 30 s, then SIGKILL. */
    void stop() {
        if (!isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** What the process wrote since its latest launch. */
    String logSinceLaunch() {
        try {
            byte[] all = Files.readAllBytes(log);
            int from = (int) Math.min(logOffset, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    String logTail(int lines) {
        List<String> all = logSinceLaunch().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
