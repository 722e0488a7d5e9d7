package oms.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The services deploy independently: no service imports another, and the chassis (cross-cutting
 * plumbing) imports no service; inside a service the feature packages form no cycle. Read from the
 * sources.
 */
class ModuleBoundariesTest {

    /** Each module and the root package its own code lives in. */
    private static final Map<String, String> MODULES = Map.of(
            "service-chassis", "oms.chassis",
            "customer-service", "oms.customer",
            "inventory-service", "oms.inventory",
            "payment-service", "oms.payment",
            "order-service", "oms.order");

    private static final Pattern OMS_IMPORT = Pattern.compile("^import (?:static )?(oms\\.[a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void everyModuleImportsOnlyItselfAndTheChassis() {
        List<String> violations = new ArrayList<>();
        int files = 0;
        for (Map.Entry<String, String> module : MODULES.entrySet()) {
            for (Path source : sources(module.getKey())) {
                files++;
                Matcher imported = OMS_IMPORT.matcher(read(source));
                while (imported.find()) {
                    String root = imported.group(1);
                    boolean allowed = root.equals(module.getValue())
                            || root.equals("oms.chassis") && !module.getKey().equals("service-chassis");
                    if (!allowed) {
                        violations.add(RepositoryRoot.find().relativize(source) + " imports " + root);
                    }
                }
            }
        }
        assertTrue(files > 100, () -> "expected the sources of five modules, read only " + MODULES);
        assertEquals(List.of(), violations);
    }

    @Test
    void noServiceKeepsItsOwnCopyOfTheWebPlumbing() {
        List<String> copies = new ArrayList<>();
        for (String module : MODULES.keySet()) {
            for (Path source : sources(module)) {
                String name = source.getFileName().toString();
                if (!module.equals("service-chassis")
                        && List.of("ProblemErrorProcessor.java", "StrictJson.java", "ApiException.java").contains(name)) {
                    copies.add(module + ": " + name);
                }
            }
        }
        assertEquals(List.of(), copies);
    }

    /**
     * Inside each service, the feature packages (oms.order.placement, oms.order.idempotency, ...)
     * import each other along one direction only: a cycle would make two features one in all but name.
     */
    @Test
    void featurePackagesImportEachOtherWithoutACycle() {
        List<String> cycles = new ArrayList<>();
        for (Map.Entry<String, String> module : MODULES.entrySet()) {
            Pattern featureImport = Pattern.compile("^import (?:static )?" + Pattern.quote(module.getValue())
                    + "\\.([a-z]+)\\.", Pattern.MULTILINE);
            Map<String, Set<String>> imports = new TreeMap<>();
            for (Path source : sources(module.getKey())) {
                String feature = featureOf(module.getKey(), source);
                if (feature == null || !source.toString().contains("/src/main/")) {
                    continue;
                }
                Matcher imported = featureImport.matcher(read(source));
                while (imported.find()) {
                    if (!imported.group(1).equals(feature)) {
                        imports.computeIfAbsent(feature, f -> new TreeSet<>()).add(imported.group(1));
                    }
                }
            }
            for (String feature : imports.keySet()) {
                List<String> cycle = pathBack(feature, feature, imports, new ArrayList<>(), new HashSet<>());
                if (cycle != null) {
                    cycles.add(module.getKey() + ": " + String.join(" -> ", cycle));
                }
            }
        }
        assertEquals(List.of(), cycles);
    }

    /** A path of imports from {@code from} back to {@code target}, or null. */
    private static List<String> pathBack(String target, String from, Map<String, Set<String>> imports,
                                         List<String> path, Set<String> seen) {
        path.add(from);
        for (String next : imports.getOrDefault(from, Set.of())) {
            if (next.equals(target)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(target);
                return cycle;
            }
            if (seen.add(next)) {
                List<String> found = pathBack(target, next, imports, path, seen);
                if (found != null) {
                    return found;
                }
            }
        }
        path.remove(path.size() - 1);
        return null;
    }

    /** The first package below the module's root package, e.g. placement for oms/order/placement/X.java. */
    private static String featureOf(String module, Path source) {
        Path javaRoot = RepositoryRoot.find().resolve(module).resolve("src/main/java");
        if (!source.startsWith(javaRoot)) {
            return null;
        }
        Path relative = javaRoot.relativize(source);
        return relative.getNameCount() > 3 ? relative.getName(2).toString() : null;
    }

    private static List<Path> sources(String module) {
        Path src = RepositoryRoot.find().resolve(module).resolve("src");
        try (Stream<Path> walk = Files.walk(src)) {
            return walk.filter(p -> p.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
