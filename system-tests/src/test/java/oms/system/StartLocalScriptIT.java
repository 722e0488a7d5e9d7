package oms.system;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the README's start command, scripts/start-local.sh, and scripts/stop-local.sh on the
 * contract's ports, with a scratch run folder and scratch databases: the first start records a
 * class archive per service, the second maps them without recording again; scripts/train records
 * them under load instead. The services run with the native heap trim where their JDK has it
 * (idle RSS, docs/benchmarks.md).
 */
class StartLocalScriptIT {

    private static final String DB_SUFFIX = "_start_local_it";
    private static final Pattern HEALTHY = Pattern.compile("waiting for ([a-z-]+): .*healthy ([0-9.]+) s after launch");

    private final Path root = RepositoryRoot.find();

    @TempDir
    Path runDir;

    @AfterEach
    void stopAndDropDatabases() throws Exception {
        run("scripts/stop-local.sh");
        for (Service service : Service.values()) {
            Postgres.dropDatabase(service.databaseName() + DB_SUFFIX);
        }
    }

    @Test
    void firstStartRecordsAClassArchivePerServiceAndTheNextStartMapsThem() throws Exception {
        assumeTrue(Arrays.stream(Service.values()).noneMatch(s -> listening(s.contractPort())),
                "a port of the contract (8080-8083) is taken, probably by a running local system");

        String first = run("scripts/start-local.sh");
        assertEquals(4, occurrences(first, "recording its class archive (first start on this jar and JDK) done"), first);
        for (Service service : Service.values()) {
            assertTrue(readiness(service.contractPort()), service + " not ready after start-local:\n" + first);
            String commandLine = commandLine(service);
            assertRunsWithItsArchive(service, commandLine);
            assertFalse(commandLine.contains("AOTCompileEagerly"), service + ": an archive of a start alone has no profiles to compile eagerly: " + commandLine);
            if (jvmHasNativeHeapTrim(service)) {
                assertTrue(commandLine.contains("-XX:TrimNativeHeapInterval="), service + " runs without the native heap trim: " + commandLine);
            }
        }
        theSigningKeyIsMadeKeptPrivateAndTokensWork(first);
        assertFourArchives();

        run("scripts/stop-local.sh");
        assertTrue(Arrays.stream(Service.values()).noneMatch(s -> listening(s.contractPort())), "stop-local.sh left a service running");

        String second = run("scripts/start-local.sh");
        assertFalse(second.contains("recording"), "the second start recorded again:\n" + second);
        Matcher healthy = HEALTHY.matcher(second);
        int started = 0;
        while (healthy.find()) {
            started++;
            System.out.printf("[start-local] %s healthy %s s after launch (with its archive)%n", healthy.group(1), healthy.group(2));
        }
        assertEquals(4, started, second);
    }

    /**
     * scripts/train starts the system recording its archives, places orders, stops it (each JVM
     * writes its archive as it exits) and drops its own databases; the next start runs on the JDK
     * that recorded them (the newest one from 25 on where installed) and maps them without recording
     * again, compiling the profiled methods eagerly where the archive is an AOT cache.
     */
    @Test
    void trainingRecordsTheArchivesUnderLoadAndTheNextStartMapsThem() throws Exception {
        assumeTrue(Arrays.stream(Service.values()).noneMatch(s -> listening(s.contractPort())),
                "a port of the contract (8080-8083) is taken, probably by a running local system");
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v wrk").start().waitFor() == 0, "scripts/train needs wrk");

        String training = run("scripts/train");
        // Only that the load ran: in its first seconds a cold system on a busy machine may fail some
        // orders fast (503, a breaker or bulkhead shedding load), which is not what this test is about.
        Matcher placed = Pattern.compile("15 s: ([0-9.]+) confirmed orders/s, [0-9]+ errors").matcher(training);
        assertTrue(placed.find() && Double.parseDouble(placed.group(1)) > 0, "no orders placed while training:\n" + training);
        assertTrue(Arrays.stream(Service.values()).noneMatch(s -> listening(s.contractPort())), "train left a service running");
        for (Service service : Service.values()) {
            assertFalse(Postgres.databaseExists(service.databaseName() + "_training"), service + ": training database left");
        }
        assertFourArchives();

        Path trainedJava = Path.of(Files.readString(runDir.resolve("cds/trained-java")).strip());
        String next = run("scripts/start-local.sh");
        assertFalse(next.contains("recording"), "the start after training recorded again:\n" + next);
        for (Service service : Service.values()) {
            String commandLine = commandLine(service);
            assertRunsWithItsArchive(service, commandLine);
            assertEquals(trainedJava, process(service).resolve("exe").toRealPath(), service + " runs on another JDK than it trained on");
            // An AOT cache (JDK 25 on) holds the training run's profiles: its methods are compiled eagerly.
            assertEquals(commandLine.contains("-XX:AOTCache="), commandLine.contains("-XX:+AOTCompileEagerly"),
                    service + ": a trained AOT cache runs with AOTCompileEagerly, a CDS archive without: " + commandLine);
        }
    }

    private void assertFourArchives() throws IOException {
        try (var archives = Files.list(runDir.resolve("cds"))) {
            assertEquals(4, archives.filter(f -> size(f) > 1_000_000).count(), "four archives of some size in " + runDir);
        }
    }

    /** The JVM maps a class archive (CDS on JDK 17, an AOT cache on 25) from this run's folder. */
    private void assertRunsWithItsArchive(Service service, String commandLine) {
        assertTrue(commandLine.contains("-XX:SharedArchiveFile=" + runDir.resolve("cds"))
                || commandLine.contains("-XX:AOTCache=" + runDir.resolve("cds")), service + " runs without its archive: " + commandLine);
    }

    /** The first start made .run/jwt-secret for this user only, printed and logged it nowhere, and scripts/token signs with it. */
    private void theSigningKeyIsMadeKeptPrivateAndTokensWork(String output) throws IOException, InterruptedException {
        Path secret = runDir.resolve("jwt-secret");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
        String key = Files.readString(secret).strip();
        assertEquals(64, key.length(), "32 random bytes in hex");
        assertFalse(output.contains(key), "start-local.sh printed the signing key");
        for (Service service : Service.values()) {
            assertFalse(Files.readString(runDir.resolve("logs/" + service.module() + ".log")).contains(key),
                    service + " logged the signing key");
        }
        String token = run("scripts/token", "admin").strip();
        String customers = "http://127.0.0.1:" + Service.CUSTOMER.contractPort() + "/api/v1/customers";
        assertEquals(200, Http.get(customers, "Authorization", "Bearer " + token).statusCode());
        assertEquals(401, Http.get(customers, "Authorization", Http.ANONYMOUS).statusCode());
    }

    /** Runs a script as a user would (by its #! line), waits for it, and returns its output; fails on a non-zero exit. */
    private String run(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("OMS_RUN_DIR", runDir.toString());
        builder.environment().put("OMS_DB_SUFFIX", DB_SUFFIX);
        builder.environment().put("OMS_SKIP_BUILD", "1");   // the reactor built the jars before this module
        builder.environment().put("NO_COLOR", "1");
        builder.environment().put("TRAIN_SECONDS", "15");   // scripts/train: one slice of load is enough here
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] bytes = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), script + " did not finish in 5 minutes");
        String output = new String(bytes, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), script + " failed:\n" + output);
        return output;
    }

    /** The service's process as start-local.sh recorded it: /proc/<pid>. */
    private Path process(Service service) throws IOException {
        return Path.of("/proc", Files.readString(runDir.resolve(service.module() + ".pid")).strip());
    }

    private String commandLine(Service service) throws IOException {
        return new String(Files.readAllBytes(process(service).resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
    }

    /** Whether the JVM the service runs on knows the option start-local.sh adds when it can. */
    private boolean jvmHasNativeHeapTrim(Service service) throws IOException, InterruptedException {
        Path java = process(service).resolve("exe").toRealPath();
        Process probe = new ProcessBuilder(java.toString(), "-XX:TrimNativeHeapInterval=2000", "-version")
                .redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        return probe.waitFor() == 0;
    }

    private static boolean readiness(int port) {
        try {
            return Http.get("http://127.0.0.1:" + port + "/health/readiness").statusCode() == 200;
        } catch (UncheckedIOException e) {
            return false;   // nothing answers on the port: not ready, and the assertion shows start-local's output
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static int occurrences(String text, String part) {
        return (int) List.of(text.split("\n")).stream().filter(line -> line.contains(part)).count();
    }
}
