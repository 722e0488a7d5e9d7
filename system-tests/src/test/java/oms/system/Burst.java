package oms.system;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * A crowd of shop clients placing orders at once, each with its own Idempotency-Key, the way a careful
 * client of a Stripe-like API does: a lost connection or a timeout is retried with the same key (and the
 * same body) until there is an answer that settles it: 201, 422 or 503. A 202 is followed by polling
 * {@code GET /api/v1/orders/{id}} until the order leaves PENDING; a 409 IDEMPOTENCY_KEY_IN_USE is retried
 * after a short pause. Every loop is bounded by a deadline (movable, e.g. to a minute after a restart) and
 * by a number of tries. All traffic goes to the given 127.0.0.1 base URLs: order {@code i} starts on
 * {@code urls[i % n]} and moves to the next URL after a connection failure.
 */
final class Burst implements AutoCloseable {

    /** The 422 codes the contract gives a rejected order (anything else, e.g. IDEMPOTENCY_KEY_REUSED, is a bug here). */
    static final Set<String> BUSINESS_CODES = Set.of("CUSTOMER_NOT_FOUND", "CUSTOMER_INACTIVE", "PRODUCT_NOT_FOUND",
            "INSUFFICIENT_STOCK", "PAYMENT_DECLINED");
    static final Set<String> FINAL_STATUSES = Set.of("CONFIRMED", "REJECTED", "FAILED", "CANCELLED");

    private static final int MAX_TRIES = 2_000;
    private static final long PAUSE_AFTER_CONNECTION_FAILURE_MS = 200;
    private static final long POLL_EVERY_MS = 300;

    /** What one client saw for its order. */
    record Outcome(int index, String key, String body, boolean settled, int lastHttpStatus, String code,
                   String orderId, String finalStatus, Set<String> orderIdsSeen, int connectionFailures,
                   int inUse, int accepted, List<String> unexpected, String lastError, Instant begun, Duration took) {

        /** e.g. {@code 201}, {@code 422 INSUFFICIENT_STOCK}, {@code 202->FAILED}, {@code unsettled (409)}. */
        String summary() {
            if (!settled) {
                return "unsettled (last " + (lastHttpStatus == 0 ? lastError : String.valueOf(lastHttpStatus)) + ")";
            }
            if (lastHttpStatus == 202) {
                return "202->" + finalStatus;
            }
            return code == null ? String.valueOf(lastHttpStatus) : lastHttpStatus + " " + code;
        }

        /** The order status the client's answer implies: 201 CONFIRMED, 422 REJECTED, 503 FAILED, 202 as polled. */
        String impliedStatus() {
            return switch (lastHttpStatus) {
                case 201 -> "CONFIRMED";
                case 422 -> "REJECTED";
                case 503 -> "FAILED";
                default -> finalStatus;
            };
        }
    }

    private final List<String> urls;
    private final int threads;
    private final ExecutorService pool;
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger next = new AtomicInteger();
    private final Map<Integer, Outcome> outcomes = new ConcurrentHashMap<>();
    private final List<Future<?>> workers = new ArrayList<>();
    private volatile int limit;
    private volatile boolean stopped;
    private volatile boolean finished;
    private volatile Instant deadline;
    private IntFunction<String> bodies;
    private Instant startedAt;

    /** {@code budget}: how long the clients keep trying, from now, until {@link #deadline(Instant)} moves it. */
    Burst(List<String> urls, int threads, Duration budget) {
        this.urls = List.copyOf(urls);
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "burst-client");
            t.setDaemon(true);
            return t;
        });
        this.deadline = Instant.now().plus(budget);
    }

    /** Places these orders, each with a fresh Idempotency-Key. */
    Burst start(List<String> bodies) {
        return start(bodies::get, bodies.size());
    }

    /**
     * Places orders {@code bodies.apply(0)}, {@code bodies.apply(1)}, ... each with a fresh Idempotency-Key,
     * {@code count} of them unless {@link #atLeast} raises the number while the burst runs.
     */
    Burst start(IntFunction<String> bodies, int count) {
        this.bodies = bodies;
        this.limit = count;
        startedAt = Instant.now();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(this::work));
        }
        return this;
    }

    /** Makes sure at least {@code more} orders are placed from now on (if the burst is still running). */
    void atLeast(int more) {
        limit = Math.max(limit, next.get() + more);
    }

    private void work() {
        for (int index = claim(); index >= 0; index = claim()) {
            String key = "burst-" + index + "-" + UUID.randomUUID();
            try {
                outcomes.put(index, place(index, key, bodies.apply(index)));
            } catch (RuntimeException e) {
                outcomes.put(index, new Outcome(index, key, "?", false, 0, null, null, null, Set.of(), 0, 0, 0,
                        List.of(), "client crashed: " + e, null, Duration.ZERO));
            } finally {
                answered.incrementAndGet();
            }
        }
    }

    /**
     * The next order to place, or -1 when the burst is over. Never skips one, even while the limit moves; a
     * client with nothing to do waits for {@link #atLeast} until {@link #await} says no more are coming.
     */
    private int claim() {
        while (!stopped && !Thread.currentThread().isInterrupted()) {
            int n = next.get();
            if (n >= limit) {
                if (finished || Instant.now().isAfter(deadline)) {
                    return -1;
                }
                sleep(20);
            } else if (next.compareAndSet(n, n + 1)) {
                return n;
            }
        }
        return -1;
    }

    /** Orders whose client has finished (settled or given up); the clients wait for more until {@link #await}. */
    int answered() {
        return answered.get();
    }

    Instant startedAt() {
        return startedAt;
    }

    /** Waits until at least {@code n} clients have finished, at most {@code timeout}. */
    void awaitAnswered(int n, Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        while (answered.get() < n && Instant.now().isBefore(until)) {
            sleep(20);
        }
    }

    /** Moves the time after which clients stop trying (e.g. a minute after a restart). */
    void deadline(Instant deadline) {
        this.deadline = deadline;
    }

    /**
     * Every placed order's outcome, in order, waiting at most until {@code until}; a client still running then
     * is stopped and reported unsettled.
     */
    List<Outcome> await(Instant until) {
        finished = true;
        for (Future<?> worker : workers) {
            try {
                worker.get(Math.max(1, Duration.between(Instant.now(), until).toMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                break;
            } catch (Exception e) {
                // a crashed client is reported below as unsettled
            }
        }
        stopped = true;
        pool.shutdownNow();
        List<Outcome> all = new ArrayList<>();
        for (int i = 0; i < next.get(); i++) {
            Outcome o = outcomes.get(i);
            all.add(o != null ? o : new Outcome(i, "?", "?", false, 0, null, null, null, Set.of(), 0, 0, 0, List.of(),
                    "client still running at the end of the test's time budget", null, Duration.ZERO));
        }
        return all;
    }

    @Override
    public void close() {
        stopped = true;
        pool.shutdownNow();
    }

    // --- one client ---------------------------------------------------------------------------

    private Outcome place(int index, String key, String body) {
        long started = System.nanoTime();
        Instant begun = Instant.now();
        int url = index % urls.size();
        int connectionFailures = 0;
        int inUse = 0;
        int accepted = 0;
        List<String> unexpected = new ArrayList<>();
        Set<String> orderIds = new LinkedHashSet<>();
        String lastError = null;
        int lastStatus = 0;
        for (int tries = 0; tries < MAX_TRIES && Instant.now().isBefore(deadline); tries++) {
            HttpResponse<String> answer;
            try {
                answer = Http.post(urls.get(url) + "/api/v1/orders", body, "Idempotency-Key", key);
            } catch (RuntimeException e) {   // refused, reset, timed out: the outcome is unknown, ask again
                connectionFailures++;
                lastError = String.valueOf(e.getCause() == null ? e : e.getCause());
                lastStatus = 0;
                url = (url + 1) % urls.size();
                sleep(PAUSE_AFTER_CONNECTION_FAILURE_MS);
                continue;
            }
            lastStatus = answer.statusCode();
            JsonNode json = parse(answer);
            switch (lastStatus) {
                case 201 -> {
                    String id = text(json, "id");
                    orderIds.add(id);
                    return outcome(index, key, body, true, 201, null, id, text(json, "status"), orderIds,
                            connectionFailures, inUse, accepted, unexpected, lastError, begun, started);
                }
                case 422, 503 -> {
                    String code = text(json, "code");
                    String id = text(json, "orderId");
                    if (id != null) {
                        orderIds.add(id);
                    }
                    if (lastStatus == 422 && !BUSINESS_CODES.contains(code)) {
                        unexpected.add("422 " + answer.body());
                    }
                    return outcome(index, key, body, true, lastStatus, code, id, null, orderIds,
                            connectionFailures, inUse, accepted, unexpected, lastError, begun, started);
                }
                case 202 -> {
                    accepted++;
                    String id = text(json, "id");
                    if (id == null) {
                        unexpected.add("202 without an order: " + answer.body());
                        sleep(POLL_EVERY_MS);
                        continue;
                    }
                    orderIds.add(id);
                    String status = pollUntilSettled(id, url);
                    if (status != null) {
                        return outcome(index, key, body, true, 202, null, id, status, orderIds,
                                connectionFailures, inUse, accepted, unexpected, lastError, begun, started);
                    }
                    lastError = "order " + id + " still PENDING at the deadline";
                }
                case 409 -> {
                    inUse++;
                    sleep(Math.min(1000, retryAfterMillis(answer)));
                }
                default -> {
                    unexpected.add(lastStatus + " " + answer.body());
                    if (lastStatus < 500) {
                        return outcome(index, key, body, false, lastStatus, text(json, "code"), null, null, orderIds,
                                connectionFailures, inUse, accepted, unexpected, lastError, begun, started);
                    }
                    sleep(PAUSE_AFTER_CONNECTION_FAILURE_MS);
                }
            }
        }
        return outcome(index, key, body, false, lastStatus, null, orderIds.isEmpty() ? null : orderIds.iterator().next(),
                null, orderIds, connectionFailures, inUse, accepted, unexpected, lastError, begun, started);
    }

    /** Polls the order until it leaves PENDING; null when the deadline comes first. */
    private String pollUntilSettled(String orderId, int startUrl) {
        int url = startUrl;
        while (Instant.now().isBefore(deadline)) {
            sleep(POLL_EVERY_MS);
            try {
                HttpResponse<String> read = Http.get(urls.get(url) + "/api/v1/orders/" + orderId);
                if (read.statusCode() == 200) {
                    String status = text(parse(read), "status");
                    if (status != null && !"PENDING".equals(status)) {
                        return status;
                    }
                }
            } catch (RuntimeException e) {
                url = (url + 1) % urls.size();
            }
        }
        return null;
    }

    private static Outcome outcome(int index, String key, String body, boolean settled, int status, String code,
                                   String orderId, String finalStatus, Set<String> orderIds, int connectionFailures,
                                   int inUse, int accepted, List<String> unexpected, String lastError, Instant begun,
                                   long started) {
        return new Outcome(index, key, body, settled, status, code, orderId, finalStatus, Set.copyOf(orderIds),
                connectionFailures, inUse, accepted, List.copyOf(unexpected), lastError, begun,
                Duration.ofNanos(System.nanoTime() - started));
    }

    // --- summaries ----------------------------------------------------------------------------

    /** Counts by {@code key(outcome)}, sorted. */
    static Map<String, Long> count(List<Outcome> outcomes, Function<Outcome, String> key) {
        return outcomes.stream().collect(Collectors.groupingBy(o -> String.valueOf(key.apply(o)), TreeMap::new,
                Collectors.counting()));
    }

    private static JsonNode parse(HttpResponse<String> answer) {
        try {
            return Http.JSON.readTree(answer.body());
        } catch (Exception notJson) {
            return Http.JSON.createObjectNode();
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static long retryAfterMillis(HttpResponse<String> answer) {
        try {
            return Math.max(100, Long.parseLong(answer.headers().firstValue("Retry-After").orElse("1")) * 1000);
        } catch (NumberFormatException e) {
            return 1000;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
