package oms.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Reads compose.yaml and the Dockerfiles (no Docker needed) and checks them against the contract and the code. */
class ComposeFileTest {

    /** Read by service-chassis for every service (oms.chassis.security), not by a service's application.yml. */
    private static final Set<String> CHASSIS_VARIABLES =
            Set.of("JWT_SECRET", "JWKS_URL", "JWT_ISSUER", "JWT_AUDIENCE", "SERVICE_TOKEN");

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/(\\w+).*");

    private static Path root;
    private static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readCompose() throws IOException {
        root = RepositoryRoot.find();
        try (Reader reader = Files.newBufferedReader(root.resolve("compose.yaml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Object>) compose.get("services");
        }
        assertNotNull(services, "compose.yaml has no services");
    }

    @Test
    void definesTheFourServicesAndOneDatabasePerService() {
        for (Service service : Service.values()) {
            assertTrue(services.containsKey(service.module()), "compose.yaml lacks " + service.module());
        }
        List<String> databases = services.keySet().stream().filter(name -> isDatabase(name)).toList();
        assertEquals(4, databases.size(), "expected four postgres:15 containers, found " + databases);
        databases.forEach(name -> assertEquals("postgres:15", section(name).get("image"), name + " image"));
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void publishesTheContractPort(Service service) {
        Map<String, Object> definition = section(service.module());
        List<int[]> ports = ports(definition);
        assertEquals(1, ports.size(), service.module() + " should publish exactly one port: " + definition.get("ports"));
        assertEquals(service.contractPort(), ports.get(0)[0], service.module() + " published port");
        assertEquals(service.contractPort(), ports.get(0)[1], service.module() + " container port");
        assertEquals(String.valueOf(service.contractPort()), env(service.module()).get("PORT"),
                service.module() + " PORT must match the port it publishes");
    }

    @Test
    void everyServiceAndDatabaseHasAHealthcheck() {
        for (String name : services.keySet()) {
            String test = healthcheck(name);
            if (isDatabase(name)) {
                assertTrue(test.contains("pg_isready"), name + " healthcheck should use pg_isready: " + test);
            } else {
                assertTrue(test.contains("/health/readiness"), name + " healthcheck should call /health/readiness: " + test);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void dependsOnItsOwnHealthyDatabase(Service service) {
        Map<String, String> env = env(service.module());
        Matcher url = JDBC_URL.matcher(String.valueOf(env.get("DB_URL")));
        assertTrue(url.matches(), service.module() + " DB_URL is not a PostgreSQL JDBC URL: " + env.get("DB_URL"));
        String host = url.group(1);
        assertTrue(isDatabase(host), service.module() + " DB_URL host " + host + " is not a postgres container");
        assertEquals("service_healthy", dependencyCondition(service.module(), host),
                service.module() + " must wait for " + host + " to be healthy");
        Map<String, String> dbEnv = env(host);
        assertEquals(dbEnv.get("POSTGRES_DB"), url.group(3), service.module() + " database name");
        assertEquals(dbEnv.get("POSTGRES_USER"), env.get("DB_USER"), service.module() + " DB_USER");
        assertEquals(dbEnv.get("POSTGRES_PASSWORD"), env.get("DB_PASSWORD"), service.module() + " DB_PASSWORD");
    }

    @Test
    void noTwoServicesShareADatabase() {
        Set<String> hosts = new HashSet<>();
        for (Service service : Service.values()) {
            Matcher url = JDBC_URL.matcher(String.valueOf(env(service.module()).get("DB_URL")));
            assertTrue(url.matches(), service.module() + " DB_URL");
            assertTrue(hosts.add(url.group(1)), url.group(1) + " is used by more than one service");
        }
    }

    @Test
    void orderServiceWaitsForTheOtherThreeAndCallsThemByName() {
        Map<String, String> env = env(Service.ORDER.module());
        for (Service provider : List.of(Service.CUSTOMER, Service.INVENTORY, Service.PAYMENT)) {
            assertEquals("service_healthy", dependencyCondition(Service.ORDER.module(), provider.module()),
                    "order-service must wait for " + provider.module() + " to be healthy");
            String variable = provider.name() + "_SERVICE_URL";
            assertEquals("http://" + provider.module() + ":" + provider.contractPort(), env.get(variable), variable);
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
        Map<String, String> env = env(service.module());
        for (String required : List.of("PORT", "DB_URL", "DB_USER", "DB_PASSWORD")) {
            assertTrue(env.containsKey(required), service.module() + " must set " + required);
        }
        List<String> unread = env.keySet().stream().filter(name -> !config.toString().contains("${" + name))
                .filter(name -> !CHASSIS_VARIABLES.contains(name)).toList();
        assertTrue(unread.isEmpty(), service.module() + " sets " + unread + " in compose.yaml but neither "
                + "application.yml nor logback.xml reads them (${NAME...})");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void dockerfileBuildsItsOwnModule(Service service) throws IOException {
        String module = service.module();
        @SuppressWarnings("unchecked")
        Map<String, Object> build = (Map<String, Object>) section(module).get("build");
        assertNotNull(build, module + " has no build section");
        assertEquals(".", build.get("context"), module + " builds from the repository root");
        assertEquals(module + "/Dockerfile", build.get("dockerfile"), module + " dockerfile");

        Path dockerfile = root.resolve(module).resolve("Dockerfile");
        assertTrue(Files.isRegularFile(dockerfile), dockerfile + " is missing");
        String text = Files.readString(dockerfile);
        assertTrue(text.contains("FROM maven:3.9-eclipse-temurin-17 AS build"), module + ": build stage");
        assertTrue(text.contains("FROM eclipse-temurin:17-jre"), module + ": runtime stage");
        assertTrue(text.contains("-pl " + module + " -am"), module + ": builds only its module");
        assertTrue(text.contains("COPY --from=build /src/" + service.jarPath() + " "), module + ": copies its own jar");
        assertTrue(text.contains("EXPOSE " + service.contractPort()), module + ": exposes its port");
        for (String other : modulesInRootPom()) {
            assertTrue(text.contains("COPY " + other + "/pom.xml"), module + ": Maven needs " + other + "/pom.xml to plan the reactor");
        }
        if (healthcheck(module).contains("curl")) {
            assertTrue(Pattern.compile("apt-get install[^\\n]*\\bcurl\\b").matcher(text).find(),
                    module + ": the compose healthcheck uses curl, so the image must install it");
        }
    }

    @Test
    void dockerignoreKeepsBuildOutputAndGitOut() throws IOException {
        List<String> lines = Files.readAllLines(root.resolve(".dockerignore"));
        assertTrue(lines.contains(".git"), ".dockerignore: .git");
        assertTrue(lines.stream().anyMatch(l -> l.equals("**/target") || l.equals("target/") || l.equals("**/target/")),
                ".dockerignore: target/");
    }

    // --- reading compose.yaml ----------------------------------------------------------------

    private static boolean isDatabase(String name) {
        Object image = section(name).get("image");
        return image != null && image.toString().startsWith("postgres:");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(String name) {
        Object definition = services.get(name);
        assertNotNull(definition, "compose.yaml has no service " + name);
        return (Map<String, Object>) definition;
    }

    /** The environment in either compose form: a map, or a list of NAME=value. */
    private static Map<String, String> env(String name) {
        Object environment = section(name).get("environment");
        Map<String, String> env = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = String.valueOf(entry).split("=", 2);
                env.put(pair[0], pair.length > 1 ? pair[1] : null);
            }
        }
        return env;
    }

    /** Published and container port of each entry, short ("8080:8080") or long form. */
    private static List<int[]> ports(Map<String, Object> definition) {
        List<int[]> ports = new ArrayList<>();
        Object list = definition.get("ports");
        if (!(list instanceof List<?> entries)) {
            return ports;
        }
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> map) {
                ports.add(new int[] {Integer.parseInt(String.valueOf(map.get("published"))),
                        Integer.parseInt(String.valueOf(map.get("target")))});
            } else {
                String[] parts = String.valueOf(entry).split("/")[0].split(":");
                int target = Integer.parseInt(parts[parts.length - 1]);
                int published = parts.length >= 2 ? Integer.parseInt(parts[parts.length - 2]) : -1;
                ports.add(new int[] {published, target});
            }
        }
        return ports;
    }

    private static String healthcheck(String name) {
        Object healthcheck = section(name).get("healthcheck");
        assertTrue(healthcheck instanceof Map<?, ?>, name + " has no healthcheck");
        Object test = ((Map<?, ?>) healthcheck).get("test");
        assertNotNull(test, name + " healthcheck has no test");
        String text = test instanceof List<?> parts ? String.join(" ", parts.stream().map(String::valueOf).toList())
                : String.valueOf(test);
        assertFalse(text.isBlank() || text.equals("NONE"), name + " healthcheck is empty");
        return text;
    }

    private static String dependencyCondition(String service, String dependency) {
        Object dependsOn = section(service).get("depends_on");
        assertTrue(dependsOn instanceof Map<?, ?>, service + " needs depends_on in long form (with conditions)");
        Object entry = ((Map<?, ?>) dependsOn).get(dependency);
        assertTrue(entry instanceof Map<?, ?>, service + " does not depend on " + dependency);
        return String.valueOf(((Map<?, ?>) entry).get("condition"));
    }

    private static List<String> modulesInRootPom() throws IOException {
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(root.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (module.find()) {
            modules.add(module.group(1).trim());
        }
        return modules;
    }
}
