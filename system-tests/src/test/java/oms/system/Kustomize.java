package oms.system;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code kubectl kustomize}, installing kubectl from Debian when it is missing and we are root. */
final class Kustomize {

    private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("Kustomize Version: v(\\d+)");

    private Kustomize() {
    }

    /** Null when kubectl is there (or could be installed) with a kustomize of v4 or later; else why not. */
    static String unavailableReason() throws IOException, InterruptedException {
        if (run(List.of("sh", "-c", "command -v kubectl")).exitCode() != 0) {
            boolean root = "0".equals(run(List.of("id", "-u")).output().trim());
            if (!root || run(List.of("sh", "-c", "command -v apt-get")).exitCode() != 0) {
                return "kubectl is missing (and this is not root on Debian, so it is not installed here)";
            }
            System.out.println("KubernetesManifestsTest: installing kubectl (apt-get install kubernetes-client)");
            Result install = run(List.of("sh", "-c",
                    "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubernetes-client"));
            if (install.exitCode() != 0) {
                return "kubectl is missing and apt-get could not install it: " + install.output();
            }
        }
        Matcher version = KUSTOMIZE_VERSION.matcher(run(List.of("kubectl", "version", "--client")).output());
        if (!version.find() || Integer.parseInt(version.group(1)) < 4) {
            return "this kubectl's kustomize is older than v4 (Debian bookworm's kubectl 1.20 is): the overlays use "
                    + "labels and patches with targets; install a kubectl of 1.21 or later";
        }
        return null;
    }

    /** The documents that {@code kubectl kustomize dir} prints, each as a map. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> build(Path dir) throws IOException, InterruptedException {
        Result result = run(List.of("kubectl", "kustomize", dir.toString()));
        if (result.exitCode() != 0) {
            throw new AssertionError("kubectl kustomize " + dir + " failed:\n" + result.output());
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(result.output())) {
            if (document instanceof Map<?, ?> map) {
                documents.add((Map<String, Object>) map);
            }
        }
        return documents;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("kustomize", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Result(-1, "timed out: " + command);
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
