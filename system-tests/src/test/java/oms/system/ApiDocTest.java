package oms.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docs/api.md is the contract as a clone carries it. Every path, error code and header the
 * contract (../shared/CONTRACT.md, beside the repository) names must be on that page too.
 */
class ApiDocTest {

    /** Paths such as {@code /api/v1/orders/{id}/cancel}, codes such as {@code ORDER_NOT_FOUND}, headers. */
    private static final Pattern TERM = Pattern.compile(
            "`(?:[A-Z]+ )?(/[a-z0-9/{}_.\\-*<>]+)[^`]*`|`([A-Z][A-Z_]{3,})`|`([A-Z][a-z]+(?:-[A-Z][a-z]+)+)`");

    @Test
    void apiPageNamesEverythingTheContractNames() throws IOException {
        Path root = RepositoryRoot.find();
        Path contract = root.resolveSibling("shared").resolve("CONTRACT.md");
        assumeTrue(Files.isRegularFile(contract), "no contract beside the repository at " + contract);

        Set<String> contractTerms = terms(Files.readString(contract));
        Set<String> pageTerms = terms(Files.readString(root.resolve("docs/api.md")));
        assertTrue(contractTerms.size() > 40, () -> "read too few terms from the contract: " + contractTerms);

        Set<String> missing = new TreeSet<>(contractTerms);
        missing.removeAll(pageTerms);
        assertEquals(Set.of(), missing, "named by the contract but missing from docs/api.md");
    }

    private static Set<String> terms(String markdown) {
        Set<String> terms = new TreeSet<>();
        Matcher m = TERM.matcher(markdown);
        while (m.find()) {
            for (int group = 1; group <= 3; group++) {
                if (m.group(group) != null) {
                    terms.add(m.group(group));
                }
            }
        }
        return terms;
    }
}
