package oms.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Reads compose.yaml, compose.admin.yaml and the Dockerfiles (no Docker needed) and checks them
 * against the contract and the code. scripts/compose-check runs them for real.
 */
class ComposeFileTest {

    /** Read by service-chassis for every service (oms.chassis.security), not by a service's application.yml. */
    private static final Set<String> CHASSIS_VARIABLES =
            Set.of("JWT_SECRET", "JWKS_URL", "JWT_ISSUER", "JWT_AUDIENCE", "SERVICE_TOKEN");

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/(\\w+).*");
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)m");
    private static final Pattern MEGABYTES = Pattern.compile("(\\d+)m");
    /** Read by the JVM and glibc, not by application.yml. */
    private static final Set<String> PROCESS_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "MALLOC_ARENA_MAX");

    private static Path root;
    private static ComposeFile compose;
    private static ComposeFile admin;

    @BeforeAll
    static void readCompose() throws IOException {
        root = RepositoryRoot.find();
        compose = ComposeFile.read(root.resolve("compose.yaml"));
        admin = ComposeFile.read(root.resolve("compose.admin.yaml"));
    }

    @Test
    void definesTheFourServicesAndOneDatabasePerService() {
        for (Service service : Service.values()) {
            assertTrue(compose.services().containsKey(service.module()), "compose.yaml lacks " + service.module());
        }
        List<String> databases = compose.services().keySet().stream().filter(compose::isDatabase).toList();
        assertEquals(4, databases.size(), "expected four postgres:15 containers, found " + databases);
        databases.forEach(name -> assertEquals("postgres:15", compose.image(name), name + " image (by default)"));
    }

    /** Compose 1.29 (Debian's docker-compose) rejects a top-level name; -p or COMPOSE_PROJECT_NAME name it. */
    @Test
    void parsesWithComposeOneDotTwentyNine() {
        assertFalse(compose.top().containsKey("name"), "compose.yaml: a top-level name: breaks docker-compose 1.29");
        assertFalse(compose.top().containsKey("version"), "compose.yaml is a Compose Specification file, no version:");
    }

    @Test
    void publishesOnlyOrderServiceAndTheOthersOnLoopbackThroughTheAdminFile() {
        for (Service service : Service.values()) {
            List<String[]> ports = compose.ports(service.module());
            assertEquals(String.valueOf(service.contractPort()), compose.env(service.module()).get("PORT"),
                    service.module() + " PORT");
            if (service == Service.ORDER) {
                assertEquals(1, ports.size(), "order-service publishes one port");
                assertEquals("8080", ports.get(0)[1], "order-service host port by default");
                assertEquals("8080", ports.get(0)[2], "order-service container port");
                continue;
            }
            assertTrue(ports.isEmpty(), service.module() + " must not be published by compose.yaml");
            List<String[]> adminPorts = admin.ports(service.module());
            assertEquals(1, adminPorts.size(), "compose.admin.yaml publishes " + service.module());
            assertEquals("127.0.0.1", adminPorts.get(0)[0], service.module() + ": loopback only");
            assertEquals(String.valueOf(service.contractPort()), adminPorts.get(0)[1], service.module() + " host port");
            assertEquals(String.valueOf(service.contractPort()), adminPorts.get(0)[2], service.module() + " container port");
            assertTrue(admin.networks(service.module()).containsAll(compose.networks(service.module())),
                    "compose.admin.yaml replaces the networks of " + service.module() + ": it must keep them all");
        }
        compose.services().keySet().stream().filter(compose::isDatabase)
                .forEach(db -> assertTrue(compose.ports(db).isEmpty(), db + " must not be published"));
    }

    @Test
    void databasesAndInternalServicesAreOnInternalNetworksOnly() {
        @SuppressWarnings("unchecked")
        Map<String, Object> networks = (Map<String, Object>) compose.top().get("networks");
        for (String name : compose.services().keySet()) {
            if (name.equals(Service.ORDER.module()) || optIn(name)) {
                continue;
            }
            for (String network : compose.networks(name)) {
                Object definition = networks.get(network);
                assertTrue(definition instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("internal")),
                        name + " is on " + network + ", which is not internal: true");
            }
            assertFalse(compose.networks(name).isEmpty(), name + " must name its networks (not the default one)");
        }
        for (Service service : Service.values()) {
            String db = dbHost(service);
            for (String network : compose.networks(db)) {
                List<String> members = compose.services().keySet().stream()
                        .filter(other -> compose.networks(other).contains(network)).sorted().toList();
                assertEquals(List.of(db, service.module()).stream().sorted().toList(), members,
                        "network " + network + " of " + db + " must hold its service only");
            }
        }
    }

    @Test
    void everyServiceAndDatabaseHasAHealthcheckALimitAndARestartPolicy() {
        for (String name : compose.services().keySet()) {
            if (optIn(name)) {
                continue;   // the observability profile's tools: not part of the system itself
            }
            String test = compose.healthcheck(name);
            if (compose.isDatabase(name)) {
                assertTrue(test.contains("pg_isready"), name + " healthcheck should use pg_isready: " + test);
            } else {
                assertTrue(test.contains("/health/readiness"), name + " healthcheck should call /health/readiness: " + test);
            }
            assertEquals("unless-stopped", compose.section(name).get("restart"), name + " restart policy");
            assertTrue(megabytes(compose.section(name).get("mem_limit")) > 0, name + " has no mem_limit");
        }
    }

    /** Heap plus code cache plus ~100 MB of metaspace, threads and malloc must fit in the limit. */
    @ParameterizedTest
    @EnumSource(Service.class)
    void theJvmFitsInItsMemoryLimit(Service service) {
        String options = ComposeFile.withDefaults(String.valueOf(compose.env(service.module()).get("JAVA_TOOL_OPTIONS")));
        Matcher xmx = XMX.matcher(options);
        assertTrue(xmx.find(), service.module() + ": JAVA_TOOL_OPTIONS sets no -Xmx<n>m: " + options);
        assertTrue(options.contains("-XX:+UseSerialGC"), service.module() + ": the serial GC of scripts/start-local.sh");
        assertTrue(options.contains("-XX:+ExitOnOutOfMemoryError"), service.module() + ": exit on OOM, let restart act");
        long limit = megabytes(compose.section(service.module()).get("mem_limit"));
        long needed = Long.parseLong(xmx.group(1)) + 64 + 100;
        assertTrue(needed <= limit, service.module() + ": -Xmx" + xmx.group(1) + "m needs about " + needed
                + " MB, mem_limit is " + limit + " MB");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void dependsOnItsOwnHealthyDatabaseWithASecretFromTheEnvironment(Service service) throws IOException {
        Map<String, String> env = compose.env(service.module());
        String host = dbHost(service);
        assertTrue(compose.isDatabase(host), service.module() + " DB_URL host " + host + " is not a postgres container");
        assertEquals("service_healthy", compose.dependencyCondition(service.module(), host),
                service.module() + " must wait for " + host + " to be healthy");
        Map<String, String> dbEnv = compose.env(host);
        Matcher url = JDBC_URL.matcher(env.get("DB_URL"));
        assertTrue(url.matches());
        assertEquals(dbEnv.get("POSTGRES_DB"), url.group(3), service.module() + " database name");
        assertEquals(dbEnv.get("POSTGRES_USER"), env.get("DB_USER"), service.module() + " DB_USER");
        String variable = ComposeFile.requiredVariable(env.get("DB_PASSWORD")).orElseThrow(() -> new AssertionError(
                service.module() + " DB_PASSWORD must be ${NAME:?...} from the environment, not " + env.get("DB_PASSWORD")));
        assertEquals(variable, ComposeFile.requiredVariable(dbEnv.get("POSTGRES_PASSWORD")).orElse(null),
                host + " POSTGRES_PASSWORD must be the same variable as " + service.module() + " DB_PASSWORD");
        String jwt = ComposeFile.requiredVariable(env.get("JWT_SECRET")).orElseThrow(() -> new AssertionError(
                service.module() + " JWT_SECRET must be ${NAME:?...} from the environment"));
        String example = Files.readString(root.resolve(".env.example"));
        for (String name : List.of(variable, jwt)) {
            assertTrue(example.contains("\n" + name + "="), ".env.example lacks " + name);
        }
        assertTrue(Files.readAllLines(root.resolve(".gitignore")).contains(".env"), ".gitignore must keep .env out");
    }

    @Test
    void noTwoServicesShareADatabase() {
        Set<String> hosts = new HashSet<>();
        for (Service service : Service.values()) {
            assertTrue(hosts.add(dbHost(service)), dbHost(service) + " is used by more than one service");
        }
    }

    @Test
    void orderServiceWaitsForTheOtherThreeAndCallsThemByName() {
        Map<String, String> env = compose.env(Service.ORDER.module());
        for (Service provider : List.of(Service.CUSTOMER, Service.INVENTORY, Service.PAYMENT)) {
            assertEquals("service_healthy", compose.dependencyCondition(Service.ORDER.module(), provider.module()),
                    "order-service must wait for " + provider.module() + " to be healthy");
            String variable = provider.name() + "_SERVICE_URL";
            assertEquals("http://" + provider.module() + ":" + provider.contractPort(), env.get(variable), variable);
            List<String> shared = new ArrayList<>(compose.networks(provider.module()));
            shared.retainAll(compose.networks(Service.ORDER.module()));
            assertFalse(shared.isEmpty(), "order-service shares no network with " + provider.module());
        }
    }

    /** Compose cannot drift from the code: a variable nobody reads is a typo or a leftover. */
    @ParameterizedTest
    @EnumSource(Service.class)
    void setsOnlyVariablesTheServiceReads(Service service) throws IOException {
        Path resources = root.resolve(service.module()).resolve("src/main/resources");
        Path applicationYml = resources.resolve("application.yml");
        assumeTrue(Files.isRegularFile(applicationYml), service.module() + " has no application.yml yet");
        StringBuilder config = new StringBuilder(Files.readString(applicationYml));
        Path logback = resources.resolve("logback.xml");
        if (Files.isRegularFile(logback)) {
            config.append(Files.readString(logback));
        }
        // Each logback.xml includes the chassis' shared format, which reads LOG_FORMAT.
        config.append(Files.readString(root.resolve("service-chassis/src/main/resources/oms/chassis/logback-base.xml")));
        Map<String, String> env = compose.env(service.module());
        for (String required : List.of("PORT", "DB_URL", "DB_USER", "DB_PASSWORD")) {
            assertTrue(env.containsKey(required), service.module() + " must set " + required);
        }
        List<String> unread = env.keySet().stream()
                .filter(name -> !PROCESS_VARIABLES.contains(name) && !CHASSIS_VARIABLES.contains(name))
                // OTEL_* variables are read by the OpenTelemetry SDK itself (service-chassis' telemetry).
                .filter(name -> !name.startsWith("OTEL_"))
                .filter(name -> !config.toString().contains("${" + name)).toList();
        assertTrue(unread.isEmpty(), service.module() + " sets " + unread + " in compose.yaml but neither "
                + "application.yml nor logback.xml reads them (${NAME...})");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void dockerfileBuildsItsOwnModuleOnBaseImagesGivenAsArguments(Service service) throws IOException {
        String module = service.module();
        @SuppressWarnings("unchecked")
        Map<String, Object> build = (Map<String, Object>) compose.section(module).get("build");
        assertTrue(build != null && ".".equals(build.get("context")), module + " builds from the repository root");
        assertEquals(module + "/Dockerfile", build.get("dockerfile"), module + " dockerfile");
        assertTrue(build.get("args") instanceof Map<?, ?> args && args.containsKey("JRE_IMAGE"), module + ": build args");

        String text = Files.readString(root.resolve(module).resolve("Dockerfile"));
        assertFalse(Pattern.compile("(?m)^#\\s*syntax=").matcher(text).find(), module + ": a syntax line pulls a frontend image from Docker Hub");
        for (String expected : List.of("ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17", "ARG JRE_IMAGE=eclipse-temurin:17-jre",
                "ARG JAR_FROM=build", "FROM ${BUILD_IMAGE} AS build", "FROM ${JAR_FROM} AS jar", "FROM ${JRE_IMAGE}",
                "-pl " + module + " -am", "COPY " + service.jarPath() + " /src/" + service.jarPath(),
                "COPY --from=jar /src/" + service.jarPath() + " ", "EXPOSE " + service.contractPort())) {
            assertTrue(text.contains(expected), module + "/Dockerfile lacks: " + expected);
        }
        boolean wholeTree = text.contains("COPY . .");
        for (String other : modulesInRootPom()) {
            assertTrue(wholeTree || text.contains("COPY " + other + "/pom.xml"),
                    module + ": Maven needs " + other + "/pom.xml to plan the reactor");
        }
        if (compose.healthcheck(module).contains("curl")) {
            assertTrue(Pattern.compile("apt-get install[^\\n]*\\bcurl\\b").matcher(text).find(),
                    module + ": the compose healthcheck uses curl, so the image must install it");
        }
    }

    @Test
    void dockerignoreKeepsBuildOutputAndGitOutButLetsTheJarsIn() throws IOException {
        List<String> lines = Files.readAllLines(root.resolve(".dockerignore"));
        assertTrue(lines.contains(".git"), ".dockerignore: .git");
        assertTrue(lines.contains(".env"), ".dockerignore: .env (secrets)");
        assertTrue(lines.contains("**/target/**"), ".dockerignore: what is inside target/");
        assertFalse(lines.contains("**/target"), ".dockerignore: a whole target/ excluded lets no jar back in");
        assertTrue(lines.contains("!*/target/*-service-0.1.0.jar"), ".dockerignore: the jars for JAR_FROM=prebuilt");
    }

    private static String dbHost(Service service) {
        Matcher url = JDBC_URL.matcher(String.valueOf(compose.env(service.module()).get("DB_URL")));
        assertTrue(url.matches(), service.module() + " DB_URL is not a PostgreSQL JDBC URL");
        return url.group(1);
    }

    private static long megabytes(Object value) {
        Matcher m = MEGABYTES.matcher(ComposeFile.withDefaults(String.valueOf(value)));
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    private static List<String> modulesInRootPom() throws IOException {
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(root.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (module.find()) {
            modules.add(module.group(1).trim());
        }
        return modules;
    }

    /** Services of an opt-in profile (observability), which `docker compose up` leaves out. */
    private boolean optIn(String name) {
        return compose.section(name).containsKey("profiles");
    }
}
