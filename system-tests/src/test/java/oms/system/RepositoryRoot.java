package oms.system;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root (the folder with mvnw and system-tests/) from wherever the tests run. */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    static Path find() {
        String configured = System.getProperty("oms.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("system-tests"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the repository root above " + Path.of("").toAbsolutePath()
                + "; run from the repository or pass -Doms.root=/path/to/repo");
    }
}
