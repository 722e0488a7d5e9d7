package oms.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The services deploy independently: no service imports another, and the chassis (cross-cutting
 * plumbing) imports no service. Read from the sources, main and test alike.
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
