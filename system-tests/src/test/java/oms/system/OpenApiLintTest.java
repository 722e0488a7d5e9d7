package oms.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lints each service's generated OpenAPI document with {@code @redocly/cli} and the repository's
 * {@code redocly.yaml}: zero errors. The CLI is installed once into the git-ignored {@code .run/redocly}.
 */
class OpenApiLintTest {

    private static final String REDOCLY_VERSION = "2.77.0";
    private static final Path ROOT = RepositoryRoot.find();
    private static final Path INSTALL = ROOT.resolve(".run/redocly");
    private static final Path CLI = INSTALL.resolve("node_modules/.bin/redocly");

    @BeforeAll
    static void installRedocly() throws Exception {
        Assumptions.assumeTrue(onPath("node") && onPath("npm"), "node and npm are not installed: OpenAPI lint skipped");
        if (!installed()) {
            Result npm = run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", INSTALL.toString(),
                    "@redocly/cli@" + REDOCLY_VERSION), 300);
            assertEquals(0, npm.exit(), "npm install @redocly/cli failed:\n" + npm.out());
        }
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void generatedDocumentHasNoLintErrors(Service service) throws Exception {
        Path document = ROOT.resolve(service.module() + "/target/classes/META-INF/swagger/" + service.module() + ".yml");
        assertTrue(Files.isRegularFile(document), document + " is missing: build " + service.module() + " first");
        Result lint = run(List.of(CLI.toString(), "lint", "--config", ROOT.resolve("redocly.yaml").toString(),
                "--format=json", document.toString()), 120);
        String out = lint.out();
        JsonNode totals = Http.JSON.readTree(out.substring(out.indexOf('{'))).path("totals");
        System.out.printf("redocly lint %s: %d errors, %d warnings%n", service.module(),
                totals.path("errors").asInt(-1), totals.path("warnings").asInt(-1));
        assertEquals(0, totals.path("errors").asInt(-1), "lint errors in " + document + ":\n" + out);
        assertEquals(0, lint.exit(), "redocly lint failed:\n" + out);
    }

    private static boolean installed() throws Exception {
        if (!Files.isExecutable(CLI)) {
            return false;
        }
        return run(List.of(CLI.toString(), "--version"), 60).out().contains(REDOCLY_VERSION);
    }

    private static boolean onPath(String command) {
        try {
            return run(List.of(command, "--version"), 30).exit() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private record Result(int exit, String out) {
    }

    /** Runs a command from the repository root; its stdout only, as redocly writes its JSON report there. */
    private static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("redocly", ".out");
        try {
            Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " took longer than " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
