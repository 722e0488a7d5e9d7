package oms.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The system as the outside world sees it: the packaged jars as real processes, each on a fresh
 * database of its own (on the local PostgreSQL) and a free port. The jars run from copies under
 * {@code system-tests/target/system-jars/}, so a rebuild during a run cannot break them. Logs go to
 * {@code system-tests/target/system-logs/<service>.log}.
 *
 * <pre>{@code
 * try (SystemUnderTest sut = SystemUnderTest.builder()
 *         .env(Service.PAYMENT, "PAYMENT_LIMIT", "50.00")
 *         .start()) {
 *     Http.post(sut.url(Service.ORDER) + "/api/v1/orders", ...);
 *     sut.kill(Service.PAYMENT);
 *     sut.start(Service.PAYMENT);
 *     Invariants.of(sut).assertHold();
 * }
 * }</pre>
 *
 * <p>A second order-service instance on the same order database (and the same providers) can run beside
 * the first, on a port of its own: {@link #startSecondOrderInstance()}; its log is
 * {@code order-service-2.log}. {@link #close()} stops it too.
 */
public final class SystemUnderTest implements AutoCloseable {

    private final String runId;
    private final Path root;
    private final Map<Service, ServiceProcess> processes;
    private final Map<Service, String> databases;
    private final Map<Service, Duration> startupTimes = new EnumMap<>(Service.class);
    private final Duration startupTimeout;
    private final ServiceJars jars;
    private final Map<Service, Integer> ports;
    private final Path logs;
    private final List<String> jvmArgs;
    private ServiceProcess secondOrder;
    private final Thread shutdownHook = new Thread(this::closeQuietly, "system-under-test-shutdown");

    private SystemUnderTest(Builder builder) {
        this.runId = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        this.root = RepositoryRoot.find();
        this.startupTimeout = builder.startupTimeout;
        this.jars = ServiceJars.copy(root, builder.services, runId);
        this.databases = new EnumMap<>(Service.class);
        for (Service service : builder.services) {
            databases.put(service, "oms_st_" + runId + "_" + service.databaseName().replace("_service", ""));
        }
        this.ports = Launch.freePorts();
        this.processes = new EnumMap<>(Service.class);
        this.logs = root.resolve("system-tests/target/system-logs");
        this.jvmArgs = List.copyOf(builder.jvmArgs);
        for (Service service : builder.services) {
            Map<String, String> env = Launch.defaultEnv(service, databases.get(service), ports);
            env.putAll(builder.env.getOrDefault(service, Map.of()));
            processes.put(service, new ServiceProcess(service, jars.jar(service),
                    logs.resolve(service.module() + ".log"), ports.get(service), env, builder.jvmArgs));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    // --- lifecycle ---------------------------------------------------------------------------

    private SystemUnderTest startAll() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            databases.values().forEach(Postgres::createDatabase);
            // The providers start together; order-service only once they are ready, as in compose.
            List<Service> providers = processes.keySet().stream().filter(s -> s != Service.ORDER).toList();
            providers.forEach(s -> processes.get(s).launch());
            providers.forEach(this::awaitReady);
            if (processes.containsKey(Service.ORDER)) {
                start(Service.ORDER);
            }
            System.out.println("[system] startup (launch to ready): " + String.join(", ", startupTimes.entrySet().stream()
                    .map(e -> e.getKey().module() + " " + e.getValue().toMillis() + " ms").toList()));
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts a stopped or killed service again, on the same port and database, and waits until it is ready. */
    public void start(Service service) {
        process(service).launch();
        awaitReady(service);
    }

    /** Graceful stop: SIGTERM, then SIGKILL after 30 s. */
    public void stop(Service service) {
        process(service).stop();
    }

    /** Hard stop: SIGKILL, as in a crash. */
    public void kill(Service service) {
        process(service).kill();
    }

    public boolean isRunning(Service service) {
        return process(service).isAlive();
    }

    // --- a second order-service instance on the same database ---------------------------------

    /**
     * Starts a second order-service instance with the first one's settings on the same order database,
     * on another free port, and waits until it is ready. Starts it again (on the same port) after a
     * stop or kill. Returns its base URL.
     */
    public String startSecondOrderInstance() {
        return startSecondOrderInstance(Map.of());
    }

    /** As {@link #startSecondOrderInstance()}, with some of the first instance's variables overridden (first start only). */
    public synchronized String startSecondOrderInstance(Map<String, String> envOverrides) {
        ServiceProcess first = process(Service.ORDER);
        if (secondOrder == null) {
            List<Integer> taken = new ArrayList<>(ports.values());
            int port = Launch.freePort(taken);
            Map<String, String> env = new LinkedHashMap<>(first.env());
            env.putAll(envOverrides);
            env.put("PORT", String.valueOf(port));
            secondOrder = new ServiceProcess(Service.ORDER, Service.ORDER.module() + "-2", jars.jar(Service.ORDER),
                    logs.resolve(Service.ORDER.module() + "-2.log"), port, env, jvmArgs);
        } else if (!envOverrides.isEmpty() && !secondOrder.env().entrySet().containsAll(envOverrides.entrySet())) {
            throw new IllegalStateException("order-service-2 already exists with " + secondOrder.env());
        }
        secondOrder.launch();
        Duration took = secondOrder.awaitReady(startupTimeout);
        System.out.printf("[system] %-17s ready on port %d in %.1f s (pid %d, log %s)%n", secondOrder.name(),
                secondOrder.port(), took.toMillis() / 1000.0, secondOrder.pid(), root.relativize(secondOrder.log()));
        return secondOrder.url();
    }

    /** Base URL of the second order-service instance. */
    public String secondOrderUrl() {
        return second().url();
    }

    /** Graceful stop of the second order-service instance (SIGTERM, then SIGKILL after 30 s). */
    public void stopSecondOrderInstance() {
        second().stop();
    }

    /** SIGKILL of the second order-service instance. */
    public void killSecondOrderInstance() {
        second().kill();
    }

    public boolean isSecondOrderInstanceRunning() {
        return secondOrder != null && secondOrder.isAlive();
    }

    /** What the second order-service instance logged since it was last launched. */
    public String secondOrderLog() {
        return second().logSinceLaunch();
    }

    private ServiceProcess second() {
        if (secondOrder == null) {
            throw new IllegalStateException("no second order-service instance was started");
        }
        return secondOrder;
    }

    /** Stops every service (order-service first, a second instance of it before that) and drops the databases. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrNotAdded) {
            // nothing to remove
        }
        closeQuietly();
    }

    private void closeQuietly() {
        if (secondOrder != null) {
            secondOrder.stop();
        }
        List<Service> reverse = new ArrayList<>(processes.keySet());
        Collections.reverse(reverse);
        reverse.forEach(s -> processes.get(s).stop());
        for (String database : databases.values()) {
            try {
                Postgres.dropDatabase(database);
            } catch (RuntimeException e) {
                System.err.println("[system] could not drop " + database + ": " + e.getMessage());
            }
        }
        jars.delete();
    }

    // --- what tests need ---------------------------------------------------------------------

    /** Base URL, e.g. {@code http://127.0.0.1:40123}. */
    public String url(Service service) {
        return process(service).url();
    }

    public int port(Service service) {
        return process(service).port();
    }

    public String databaseName(Service service) {
        return databases.get(service);
    }

    public String jdbcUrl(Service service) {
        return Postgres.jdbcUrl(databaseName(service));
    }

    /** The environment the service runs with. */
    public Map<String, String> env(Service service) {
        return process(service).env();
    }

    public Path logFile(Service service) {
        return process(service).log();
    }

    /** What the service logged since it was last launched. */
    public String log(Service service) {
        return process(service).logSinceLaunch();
    }

    /** Launch-to-ready time of each service's latest start. */
    public Map<Service, Duration> startupTimes() {
        return Map.copyOf(startupTimes);
    }

    public Set<Service> services() {
        return EnumSet.copyOf(processes.keySet());
    }

    public Path repositoryRoot() {
        return root;
    }

    // --- internals ---------------------------------------------------------------------------

    private void awaitReady(Service service) {
        ServiceProcess process = process(service);
        Duration took = process.awaitReady(startupTimeout);
        startupTimes.put(service, took);
        System.out.printf("[system] %-17s ready on port %d in %.1f s (pid %d, log %s)%n", service.module(),
                process.port(), took.toMillis() / 1000.0, process.pid(), root.relativize(process.log()));
    }

    private ServiceProcess process(Service service) {
        ServiceProcess process = processes.get(service);
        if (process == null) {
            throw new IllegalArgumentException(service.module() + " is not part of this system under test");
        }
        return process;
    }

    /** Which services to start and how; {@link #start()} launches them. */
    public static final class Builder {
        private final Set<Service> services = EnumSet.allOf(Service.class);
        private final Map<Service, Map<String, String>> env = new EnumMap<>(Service.class);
        private final List<String> jvmArgs = new ArrayList<>(List.of("-Xmx256m"));
        private Duration startupTimeout = Duration.ofSeconds(
                Long.getLong("oms.system.startupTimeoutSeconds", 120));

        private Builder() {
        }

        /** Starts only these services (default: all four). */
        public Builder only(Service first, Service... more) {
            services.clear();
            services.add(first);
            services.addAll(List.of(more));
            return this;
        }

        /** Sets or overrides one environment variable of one service, e.g. PAYMENT_LIMIT. */
        public Builder env(Service service, String name, String value) {
            env.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        public Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        /** Creates the databases, launches the services and waits until every one is ready. */
        public SystemUnderTest start() {
            return new SystemUnderTest(this).startAll();
        }
    }
}
