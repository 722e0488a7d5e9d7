package oms.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Builds every overlay of deploy/kubernetes with {@code kubectl kustomize} and checks what comes out. */
class KubernetesManifestsTest {

    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)m");
    private static final Pattern MEBIBYTES = Pattern.compile("(\\d+)Mi");
    private static final Pattern FROM_OR_DEFAULT = Pattern.compile("(?m)^(?:FROM|ARG \\w+_IMAGE=)\\s*(\\S+)");

    private static Path root;
    private static Path copy;

    @BeforeAll
    static void copyTheManifests() throws IOException, InterruptedException {
        String unavailable = Kustomize.unavailableReason();
        assumeTrue(unavailable == null, "KubernetesManifestsTest skipped: " + unavailable);
        root = RepositoryRoot.find();
        // A copy, so the dev overlay's git-ignored secrets can come from the examples without
        // touching the work tree.
        copy = Files.createTempDirectory("oms-kubernetes");
        Path source = root.resolve("deploy/kubernetes");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.sorted().toList()) {
                Path target = copy.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Path secrets = copy.resolve("overlays/dev/secrets");
        if (!Files.isDirectory(secrets)) {
            Files.createDirectories(secrets);
            try (Stream<Path> examples = Files.list(copy.resolve("overlays/dev/secrets.example"))) {
                for (Path example : examples.toList()) {
                    Files.copy(example, secrets.resolve(example.getFileName()));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyServiceHasProbesLimitsThatFitItsJvmAndSecretsByReference(String overlay) throws Exception {
        Manifests manifests = Manifests.of(Kustomize.build(copy.resolve("overlays").resolve(overlay)));
        for (Service service : Service.values()) {
            Map<String, Object> deployment = manifests.one("Deployment", service.module());
            Map<String, Object> container = Manifests.containers(deployment).get(0);
            assertEquals("oms/" + service.module() + ":0.1.0", container.get("image"), overlay + " " + service.module() + " image");
            assertProbe(container, "readinessProbe", "/health/readiness", overlay + " " + service.module());
            assertProbe(container, "livenessProbe", "/health/liveness", overlay + " " + service.module());

            Map<String, String> env = manifests.environment(container);
            Matcher xmx = XMX.matcher(String.valueOf(env.get("JAVA_TOOL_OPTIONS")));
            assertTrue(xmx.find(), overlay + " " + service.module() + ": JAVA_TOOL_OPTIONS without -Xmx: " + env);
            long limit = mebibytes(Manifests.at(container, "resources", "limits", "memory"));
            long request = mebibytes(Manifests.at(container, "resources", "requests", "memory"));
            assertTrue(Long.parseLong(xmx.group(1)) + 64 + 100 <= limit, overlay + " " + service.module()
                    + ": heap " + xmx.group(1) + " MB + code cache + ~100 MB does not fit the limit " + limit + " Mi");
            assertEquals(limit, request, overlay + " " + service.module() + ": memory request = limit (no overcommit of a JVM)");
            assertNotNull(Manifests.at(container, "resources", "limits", "cpu"), overlay + " " + service.module() + " cpu limit");
            assertEquals(String.valueOf(service.contractPort()), env.get("PORT"), overlay + " " + service.module() + " PORT");

            for (Map<String, Object> variable : Manifests.list(container.get("env"))) {
                String name = String.valueOf(variable.get("name"));
                if (name.contains("PASSWORD") || name.contains("SECRET")) {
                    assertFalse(variable.containsKey("value"), overlay + " " + service.module() + ": " + name + " inlined");
                    String secret = String.valueOf(Manifests.at(variable, "valueFrom", "secretKeyRef", "name"));
                    assertFalse(secret.equals("null"), overlay + " " + service.module() + ": " + name + " not from a Secret");
                    if (overlay.equals("dev")) {
                        assertNotNull(manifests.find("Secret", secret), "dev: Secret " + secret + " is not generated");
                    }
                }
            }
            assertNotNull(manifests.find("Service", service.module()), overlay + ": no Service " + service.module());
        }
        if (overlay.equals("production")) {
            assertTrue(manifests.all("Secret").isEmpty(), "production must not carry Secrets: they come from outside");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void orderServiceRunsSeveralReplicasWithAnAutoscalerAndEveryServiceHasADisruptionBudget(String overlay) throws Exception {
        Manifests manifests = Manifests.of(Kustomize.build(copy.resolve("overlays").resolve(overlay)));
        Map<String, Object> order = manifests.one("Deployment", "order-service");
        assertTrue(((Number) Manifests.at(order, "spec", "replicas")).intValue() >= 2, overlay + ": order-service replicas");
        Map<String, Object> hpa = manifests.one("HorizontalPodAutoscaler", "order-service");
        assertEquals("order-service", Manifests.at(hpa, "spec", "scaleTargetRef", "name"), overlay + " HPA target");
        assertTrue(((Number) Manifests.at(hpa, "spec", "minReplicas")).intValue() >= 2, overlay + ": HPA floor");
        for (Service service : Service.values()) {
            Map<String, Object> deployment = manifests.one("Deployment", service.module());
            Map<String, Object> labels = Manifests.map(Manifests.at(deployment, "spec", "template", "metadata", "labels"));
            boolean covered = manifests.all("PodDisruptionBudget").stream()
                    .anyMatch(pdb -> Manifests.selects(Manifests.at(pdb, "spec", "selector", "matchLabels"), labels));
            assertTrue(covered, overlay + ": no PodDisruptionBudget selects " + service.module());
        }
        Map<String, Object> orderPdb = manifests.one("PodDisruptionBudget", "order-service");
        assertTrue(((Number) Manifests.at(orderPdb, "spec", "minAvailable")).intValue() >= 1, overlay + ": order-service PDB");
    }

    /** Only order-service reaches the internal services; each database only its own service. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void networkPoliciesLetOnlyTheRightPodsIn(String overlay) throws Exception {
        Manifests manifests = Manifests.of(Kustomize.build(copy.resolve("overlays").resolve(overlay)));
        assertTrue(manifests.all("NetworkPolicy").stream().anyMatch(p -> Manifests.map(Manifests.at(p, "spec", "podSelector")).isEmpty()
                && Manifests.list(Manifests.at(p, "spec", "ingress")).isEmpty()), overlay + ": no default-deny ingress policy");
        for (Service service : Service.values()) {
            String db = service.module().replace("-service", "-db");
            Set<String> dbSources = allowedSources(manifests, Map.of("app.kubernetes.io/name", db, "cnpg.io/cluster", db));
            Set<String> expected = new HashSet<>(Set.of("pods app.kubernetes.io/name=" + service.module()));
            if (overlay.equals("production")) {
                expected.addAll(Set.of("namespace kubernetes.io/metadata.name=cnpg-system", "pods cnpg.io/cluster=" + db));
            }
            assertEquals(expected, dbSources, overlay + ": who may reach " + db);
            if (service != Service.ORDER) {
                assertEquals(Set.of("pods app.kubernetes.io/name=order-service"),
                        allowedSources(manifests, Map.of("app.kubernetes.io/name", service.module())),
                        overlay + ": who may reach " + service.module());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void databasesAreStatefulSetsInDevAndCloudNativePgClustersInProduction(String overlay) throws Exception {
        Manifests manifests = Manifests.of(Kustomize.build(copy.resolve("overlays").resolve(overlay)));
        for (Service service : Service.values()) {
            String db = service.module().replace("-service", "-db");
            String url = manifests.environment(Manifests.containers(manifests.one("Deployment", service.module())).get(0)).get("DB_URL");
            if (overlay.equals("dev")) {
                assertNotNull(manifests.find("StatefulSet", db), "dev: no StatefulSet " + db);
                assertNotNull(manifests.find("Service", db), "dev: no Service " + db);
                assertTrue(url.startsWith("jdbc:postgresql://" + db + ":5432/"), "dev " + service.module() + " DB_URL " + url);
            } else {
                Map<String, Object> cluster = manifests.one("Cluster", db);
                assertEquals("postgresql.cnpg.io/v1", cluster.get("apiVersion"), db + " apiVersion");
                assertTrue(((Number) Manifests.at(cluster, "spec", "instances")).intValue() >= 2, db + ": a replica at least");
                assertTrue(url.startsWith("jdbc:postgresql://" + db + "-rw:5432/"), "production DB_URL " + url + ": the primary");
                assertTrue(String.valueOf(Manifests.at(cluster, "spec", "imageName")).endsWith(":15"), db + ": PostgreSQL 15");
            }
        }
        if (overlay.equals("production")) {
            assertTrue(manifests.all("StatefulSet").isEmpty(), "production: databases are Clusters, not StatefulSets");
        }
    }

    /** What the cluster runs is what compose runs and the Dockerfiles build. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyImageIsOneThatComposeOrADockerfileNames(String overlay) throws Exception {
        Manifests manifests = Manifests.of(Kustomize.build(copy.resolve("overlays").resolve(overlay)));
        ComposeFile compose = ComposeFile.read(root.resolve("compose.yaml"));
        Set<String> known = new HashSet<>();
        compose.services().keySet().stream().map(compose::image).forEach(known::add);
        for (Service service : Service.values()) {
            Matcher from = FROM_OR_DEFAULT.matcher(Files.readString(root.resolve(service.module()).resolve("Dockerfile")));
            while (from.find()) {
                known.add(from.group(1));
            }
        }
        List<String> images = new ArrayList<>();
        for (String kind : List.of("Deployment", "StatefulSet")) {
            for (Map<String, Object> workload : manifests.all(kind)) {
                Manifests.containers(workload).forEach(c -> images.add(String.valueOf(c.get("image"))));
            }
        }
        assertFalse(images.isEmpty(), overlay + ": no images at all");
        images.sort(Comparator.naturalOrder());
        for (String image : images) {
            assertTrue(known.contains(image), overlay + ": image " + image + " is in neither compose.yaml nor a Dockerfile: " + known);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static void assertProbe(Map<String, Object> container, String probe, String path, String what) {
        assertEquals(path, Manifests.at(container, probe, "httpGet", "path"), what + " " + probe);
        Object port = Manifests.at(container, probe, "httpGet", "port");
        Object named = Manifests.list(container.get("ports")).stream().filter(p -> port.equals(p.get("name"))).findFirst()
                .map(p -> p.get("containerPort")).orElse(port);
        assertEquals(Manifests.at(Manifests.list(container.get("ports")).get(0), "containerPort"), named, what + " " + probe + " port");
    }

    /** Who the NetworkPolicies let in to pods with any of these labels: "pods k=v" or "namespace k=v", "anyone". */
    private static Set<String> allowedSources(Manifests manifests, Map<String, String> labels) {
        Set<String> sources = new HashSet<>();
        for (Map<String, Object> policy : manifests.all("NetworkPolicy")) {
            Map<String, Object> selector = Manifests.map(Manifests.at(policy, "spec", "podSelector", "matchLabels"));
            boolean applies = !selector.isEmpty() && selector.entrySet().stream()
                    .allMatch(e -> String.valueOf(e.getValue()).equals(labels.get(e.getKey())));
            if (!applies) {
                continue;
            }
            for (Map<String, Object> rule : Manifests.list(Manifests.at(policy, "spec", "ingress"))) {
                List<Map<String, Object>> from = Manifests.list(rule.get("from"));
                if (from.isEmpty()) {
                    sources.add("anyone");
                }
                for (Map<String, Object> peer : from) {
                    peer.forEach((kind, value) -> Manifests.map(Manifests.map(value).get("matchLabels")).forEach((k, v) ->
                            sources.add((kind.equals("podSelector") ? "pods " : "namespace ") + k + "=" + v)));
                }
            }
        }
        return sources;
    }

    private static long mebibytes(Object quantity) {
        Matcher m = MEBIBYTES.matcher(String.valueOf(quantity));
        assertTrue(m.matches(), "memory in Mi expected: " + quantity);
        return Long.parseLong(m.group(1));
    }
}
