package oms.system;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What a fault scenario reads through order-service's API, polling where the order may still settle. */
final class OrderPolling {

    private OrderPolling() {
    }

    /** Polls {@code GET /orders?status=PENDING} until it is empty; the time since {@code from}, or empty at the deadline. */
    static Optional<Duration> awaitNoPending(String url, Instant from, Duration within) {
        Instant deadline = from.plus(within);
        do {
            try {
                HttpResponse<String> pending = Http.get(url + "/api/v1/orders?status=PENDING&size=100");
                if (pending.statusCode() == 200 && Http.json(pending).isEmpty()) {
                    return Optional.of(Duration.between(from, Instant.now()));
                }
            } catch (RuntimeException notUpOrNotJson) {
                // ask again
            }
            sleep(250);
        } while (Instant.now().isBefore(deadline));
        return Optional.empty();
    }

    static String pendingSample(String url) {
        try {
            JsonNode pending = Http.json(Http.get(url + "/api/v1/orders?status=PENDING&size=3"));
            List<String> sample = new ArrayList<>();
            pending.forEach(o -> sample.add(o.path("id").asText() + " failureReason=" + o.path("failureReason").asText()
                    + " updatedAt=" + o.path("updatedAt").asText()));
            return sample.toString();
        } catch (RuntimeException e) {
            return "(cannot list: " + e.getMessage() + ")";
        }
    }

    /** Every order id a client learned, with its status now (GET /orders/{id}); problems for those not final. */
    static Map<String, String> finalStatuses(String url, List<Burst.Outcome> outcomes, List<String> problems) {
        Map<String, String> statuses = new HashMap<>();
        List<String> notFinal = new ArrayList<>();
        for (Burst.Outcome o : outcomes) {
            for (String id : o.orderIdsSeen()) {
                if (statuses.containsKey(id)) {
                    continue;
                }
                String status;
                try {
                    HttpResponse<String> read = Http.get(url + "/api/v1/orders/" + id);
                    status = read.statusCode() == 200 ? Http.json(read).path("status").asText() : "HTTP " + read.statusCode();
                } catch (RuntimeException e) {
                    status = "unreadable: " + e.getMessage();
                }
                statuses.put(id, status);
                if (!Burst.FINAL_STATUSES.contains(status)) {
                    notFinal.add(id + " " + status);
                }
            }
        }
        if (!notFinal.isEmpty()) {
            problems.add(notFinal.size() + " order(s) the clients learned are not in a final state, e.g. "
                    + notFinal.subList(0, Math.min(3, notFinal.size())));
        }
        return statuses;
    }

    static String awaitFinal(String url, String orderId, Duration within) {
        Instant deadline = Instant.now().plus(within);
        String status;
        do {
            status = Http.json(Http.get(url + "/api/v1/orders/" + orderId)).path("status").asText();
            if (!"PENDING".equals(status)) {
                return status;
            }
            sleep(250);
        } while (Instant.now().isBefore(deadline));
        return status;
    }

    /** The order's events as one line: {@code step outcome (detail) @ms since the first}, for a failure report. */
    static String timeline(String url, String orderId) {
        try {
            HttpResponse<String> read = Http.get(url + "/api/v1/orders/" + orderId + "/events");
            if (read.statusCode() != 200) {
                return "(GET events: " + read.statusCode() + ")";
            }
            JsonNode events = Http.json(read);
            Instant first = events.isEmpty() ? null : Instant.parse(events.get(0).path("at").asText());
            List<String> lines = new ArrayList<>();
            events.forEach(e -> lines.add(e.path("step").asText() + " " + e.path("outcome").asText()
                    + (e.path("detail").isMissingNode() || e.path("detail").isNull() ? "" : " (" + e.path("detail").asText() + ")")
                    + " @" + Duration.between(first, Instant.parse(e.path("at").asText())).toMillis() + "ms"));
            return String.join(" | ", lines);
        } catch (RuntimeException e) {
            return "(no timeline: " + e + ")";
        }
    }

    /** After it all: a new order is confirmed within 30 s, retrying its key (a FAILED order is placed again). */
    static String worksAgain(String url, OrderMix mix) {
        String key = "after-" + UUID.randomUUID();
        String body = Shop.order(mix.customers().get(0), mix.plentiful(), 1);
        Instant deadline = Instant.now().plusSeconds(30);
        String last = "";
        do {
            try {
                HttpResponse<String> answer = Http.post(url + "/api/v1/orders", body, "Idempotency-Key", key);
                if (answer.statusCode() == 201) {
                    return null;
                }
                last = answer.statusCode() + " " + answer.body();
                if (answer.statusCode() == 422) {
                    break;
                }
            } catch (RuntimeException e) {
                last = e.toString();
            }
            sleep(500);
        } while (Instant.now().isBefore(deadline));
        return "a new order is not confirmed within 30 s of the end: " + last;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
