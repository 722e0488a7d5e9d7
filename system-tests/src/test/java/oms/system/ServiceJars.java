package oms.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Private copies of the packaged jars for one run: a rebuild of a service jar in its target folder while a
 * test runs would otherwise pull classes from under the running JVMs.
 */
final class ServiceJars {

    private final Path folder;
    private final Map<Service, Path> jars;

    private ServiceJars(Path folder, Map<Service, Path> jars) {
        this.folder = folder;
        this.jars = jars;
    }

    /** Copies each service's jar to {@code system-tests/target/system-jars/<runId>/}; fails clearly when one is missing. */
    static ServiceJars copy(Path root, Set<Service> services, String runId) {
        List<String> missing = services.stream().map(s -> root.resolve(s.jarPath()))
                .filter(jar -> !Files.isRegularFile(jar)).map(Path::toString).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing service jars " + missing
                    + ". Build them first: ./mvnw -B -DskipTests package (or run ./mvnw -B verify from the root)");
        }
        Path folder = root.resolve("system-tests/target/system-jars/" + runId);
        Map<Service, Path> copies = new EnumMap<>(Service.class);
        try {
            Files.createDirectories(folder);
            for (Service service : services) {
                Path original = root.resolve(service.jarPath());
                Path copy = folder.resolve(original.getFileName());
                Files.copy(original, copy, StandardCopyOption.REPLACE_EXISTING);
                copies.put(service, copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the service jars to " + folder, e);
        }
        return new ServiceJars(folder, copies);
    }

    Path jar(Service service) {
        return jars.get(service);
    }

    void delete() {
        List<Path> files = new ArrayList<>(jars.values());
        files.add(folder);
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                System.err.println("[system] could not delete " + file + ": " + e.getMessage());
            }
        }
    }
}
