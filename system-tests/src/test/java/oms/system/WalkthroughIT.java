package oms.system;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs http-examples/walkthrough.sh, the newcomer's tour, against the four real services. */
class WalkthroughIT {

    @AutoClose
    private static SystemUnderTest sut;

    @BeforeAll
    static void startSystem() {
        sut = SystemUnderTest.builder().start();
    }


    @Test
    void walkthroughPassesAndLeavesTheInvariantsIntact() throws Exception {
        Path script = sut.repositoryRoot().resolve("http-examples/walkthrough.sh");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        builder.environment().put("ORDER_URL", sut.url(Service.ORDER));
        builder.environment().put("CUSTOMER_URL", sut.url(Service.CUSTOMER));
        builder.environment().put("INVENTORY_URL", sut.url(Service.INVENTORY));
        builder.environment().put("PAYMENT_URL", sut.url(Service.PAYMENT));
        builder.environment().put("NO_COLOR", "1");
        // scripts/token signs with JWT_SECRET when set: the key this system was launched with.
        builder.environment().put("JWT_SECRET", Tokens.SECRET);
        Process walkthrough = builder.start();
        walkthrough.getOutputStream().close();
        byte[] bytes = walkthrough.getInputStream().readAllBytes();
        boolean finished = walkthrough.waitFor(3, TimeUnit.MINUTES);
        String output = new String(bytes, StandardCharsets.UTF_8);
        Path log = sut.repositoryRoot().resolve("system-tests/target/system-logs/walkthrough.log");
        save(log, output);

        assertTrue(finished, "walkthrough.sh did not finish in 3 minutes");
        assertEquals(0, walkthrough.exitValue(), "walkthrough.sh failed (full output in " + log + "):\n" + tail(output));
        for (String marker : List.of("< HTTP 201", "Idempotent-Replayed: true", "INSUFFICIENT_STOCK",
                "PAYMENT_DECLINED", "status = CANCELLED", "WALKTHROUGH PASSED")) {
            assertTrue(output.contains(marker), "walkthrough output lacks '" + marker + "' (see " + log + ")");
        }
        Invariants.of(sut).assertHold();
    }

    private static void save(Path log, String output) throws IOException {
        Files.createDirectories(log.getParent());
        Files.writeString(log, output, StandardCharsets.UTF_8);
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
