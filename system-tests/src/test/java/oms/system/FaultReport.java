package oms.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * One fault and what the clients saw, and the checks after it: no order PENDING within a minute of
 * {@code back}, every client settled with an answer that matches its order's final state, one order
 * per key, and the invariants. Prints the scenario's numbers ({@code [fault] ...}) and returns what is wrong.
 *
 * @param back when the killed process was ready again (or the faulty phase ended)
 */
record FaultReport(String scenario, SystemUnderTest sut, String url, OrderMix mix, List<Burst.Outcome> outcomes,
                   int answeredAtFault, Instant faultAt, Instant back, List<String> pendingAtBack) {

    /** The contract: every order settles within a minute of the services being back. */
    static final Duration SETTLE_WITHIN = Duration.ofSeconds(60);

    private static final Pattern ORDER_ID = Pattern.compile("order ([0-9a-f-]{36})");

    List<String> settleAndCheck() {
        OrderDatabase db = new OrderDatabase(sut);
        List<String> problems = new ArrayList<>();
        Optional<Duration> noPendingAfter = OrderPolling.awaitNoPending(url, back, SETTLE_WITHIN);
        Instant lastSettled = db.lastUpdate(pendingAtBack);
        if (noPendingAfter.isEmpty()) {
            problems.add("orders still PENDING " + SETTLE_WITHIN.toSeconds() + " s after the service was back: "
                    + db.countPending() + ", e.g. " + OrderPolling.pendingSample(url));
        }
        checkAnswers(problems);
        Map<String, String> finals = OrderPolling.finalStatuses(url, outcomes, problems);
        for (Burst.Outcome o : outcomes) {
            String actual = o.orderId() == null ? null : finals.get(o.orderId());
            if (o.settled() && actual != null && o.impliedStatus() != null && !o.impliedStatus().equals(actual)) {
                problems.add("client #" + o.index() + " got " + o.summary() + " but order " + o.orderId() + " is " + actual);
            }
        }
        Set<String> own = db.orderIdsOf(mix.customers());
        if (own.size() > outcomes.size()) {
            problems.add("one key is one order, but there are " + own.size() + " orders for " + outcomes.size() + " keys");
        }
        checkInvariants(own, problems);
        print(own.size(), finals, noPendingAfter, lastSettled);
        return problems;
    }

    static void assertNoProblems(String scenario, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(scenario + ":\n  - " + String.join("\n  - ", problems));
        }
    }

    static double secondsBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private void checkAnswers(List<String> problems) {
        List<Burst.Outcome> unsettled = outcomes.stream().filter(o -> !o.settled()).toList();
        if (!unsettled.isEmpty()) {
            problems.add(unsettled.size() + " client(s) without a final answer by the deadline, e.g. "
                    + unsettled.stream().limit(3).map(o -> "#" + o.index() + " " + o.summary() + " order " + o.orderId()
                    + " (409s " + o.inUse() + ", 202s " + o.accepted() + ", " + o.lastError() + ")").toList());
        }
        List<String> unexpected = outcomes.stream().flatMap(o -> o.unexpected().stream()).toList();
        if (!unexpected.isEmpty()) {
            problems.add(unexpected.size() + " unexpected answer(s), e.g. " + unexpected.stream().limit(3).toList());
        }
        outcomes.stream().filter(o -> o.orderIdsSeen().size() > 1).limit(3).forEach(o ->
                problems.add("key " + o.key() + " was answered with several orders " + o.orderIdsSeen()));
    }

    /** On a shared system only this scenario's orders (and stock, and money nobody owns) count. */
    private void checkInvariants(Set<String> own, List<String> problems) {
        List<String> violations = Invariants.of(sut).violations().stream()
                .filter(v -> orderIdIn(v) == null || own.contains(orderIdIn(v)) || v.contains("does not have")).toList();
        if (violations.isEmpty()) {
            return;
        }
        problems.add(violations.size() + " invariant violation(s):\n      "
                + String.join("\n      ", violations.subList(0, Math.min(15, violations.size())))
                + (violations.size() > 15 ? "\n      ..." : ""));
        violations.stream().map(FaultReport::orderIdIn).filter(Objects::nonNull).distinct().limit(2)
                .forEach(id -> System.out.printf("[fault] %s: timeline of order %s: %s%n", scenario, id,
                        OrderPolling.timeline(url, id)));
    }

    private void print(int ordersInDb, Map<String, String> finals, Optional<Duration> noPendingAfter, Instant lastSettled) {
        List<Burst.Outcome> afterBack = outcomes.stream()
                .filter(o -> o.begun() != null && !o.begun().isBefore(back)).toList();
        System.out.printf("[fault] %s: orders run %d (answered before the fault %d, placed after it was back %d), "
                + "orders in the database %d%n", scenario, outcomes.size(), answeredAtFault, afterBack.size(), ordersInDb);
        System.out.printf("[fault] %s: answers %s%n", scenario, Burst.count(outcomes, Burst.Outcome::summary));
        System.out.printf("[fault] %s: answers to orders placed after it was back %s%n", scenario,
                Burst.count(afterBack, Burst.Outcome::summary));
        System.out.printf("[fault] %s: final order statuses %s%n", scenario,
                finals.values().stream().collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting())));
        System.out.printf("[fault] %s: clients that lost a connection %d (%d failures), got 409 %d, got 202 %d; slowest client %.1f s%n",
                scenario, outcomes.stream().filter(o -> o.connectionFailures() > 0).count(),
                outcomes.stream().mapToInt(Burst.Outcome::connectionFailures).sum(),
                outcomes.stream().filter(o -> o.inUse() > 0).count(),
                outcomes.stream().filter(o -> o.accepted() > 0).count(),
                outcomes.stream().mapToLong(o -> o.took().toMillis()).max().orElse(0) / 1000.0);
        System.out.printf("[fault] %s: back %.1f s after the fault; PENDING then %d; max settlement time after it was back %s; "
                        + "no order PENDING (observed, after the clients finished) %s%n", scenario,
                secondsBetween(faultAt, back), pendingAtBack.size(),
                pendingAtBack.isEmpty() ? "-" : lastSettled == null ? "NOT SETTLED"
                        : String.format("%.1f s", Math.max(0, Duration.between(back, lastSettled).toMillis()) / 1000.0),
                noPendingAfter.map(d -> String.format("%.1f s after it was back", d.toMillis() / 1000.0))
                        .orElse("NOT within " + SETTLE_WITHIN.toSeconds() + " s"));
    }

    private static String orderIdIn(String violation) {
        Matcher m = ORDER_ID.matcher(violation);
        return m.find() ? m.group(1) : null;
    }
}
