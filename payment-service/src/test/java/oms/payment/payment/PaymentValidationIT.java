package oms.payment.payment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import oms.chassis.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static oms.payment.payment.PaymentCalls.PAYMENTS;
import static oms.payment.payment.PaymentCalls.VOIDS;
import static oms.payment.payment.PaymentCalls.rawPost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@MicronautTest
class PaymentValidationIT extends TestDatabase {

    /** Authorize and void-by-attempt take the same body under the same rules. */
    private static final List<String> BODY_ENDPOINTS = List.of(PAYMENTS, VOIDS);

    private static final String ORDER = "\"orderId\": \"" + UUID.randomUUID() + "\"";
    private static final String CUSTOMER = "\"customerId\": \"" + UUID.randomUUID() + "\"";

    @Inject
    @Client("/")
    HttpClient http;

    private PaymentCalls api;

    @BeforeAll
    void setUp() {
        api = new PaymentCalls(http);
    }

    /** A body that is valid except for the one field replaced. */
    private static String body(String orderId, String customerId, String amount, String currency) {
        return "{" + orderId + ", " + customerId + ", \"amount\": " + amount + ", \"currency\": " + currency + "}";
    }

    private List<String> offendingFields(HttpRequest<?> request) {
        Map<String, Object> problem = api.problem(request, HttpStatus.BAD_REQUEST);
        assertEquals("INVALID_REQUEST", problem.get("code"), () -> "for " + request.getBody());
        List<?> errors = (List<?>) problem.get("errors");
        assertFalse(errors == null || errors.isEmpty(), () -> "no fields listed in " + problem);
        return errors.stream().map(e -> (String) ((Map<?, ?>) e).get("field")).toList();
    }

    private void rejectsField(String path, String field, String json) {
        HttpRequest<String> request = rawPost(path, json);
        assertEquals(List.of(field), offendingFields(request), () -> "for " + json + ": " + api.problem(request, HttpStatus.BAD_REQUEST));
    }

    @Test
    void rejectsEachMalformedFieldByName() {
        BODY_ENDPOINTS.forEach(this::rejectsEachMalformedFieldByName);
    }

    private void rejectsEachMalformedFieldByName(String path) {
        rejectsField(path, "amount", body(ORDER, CUSTOMER, "1.234", "\"USD\""));
        rejectsField(path, "amount", body(ORDER, CUSTOMER, "0", "\"USD\""));
        rejectsField(path, "amount", body(ORDER, CUSTOMER, "-5.00", "\"USD\""));
        rejectsField(path, "amount", body(ORDER, CUSTOMER, "12345678901234567.00", "\"USD\""));
        rejectsField(path, "amount", body(ORDER, CUSTOMER, "\"ten\"", "\"USD\""));
        rejectsField(path, "amount", body(ORDER, CUSTOMER, "\"12.50\"", "\"USD\""));
        rejectsField(path, "currency", body(ORDER, CUSTOMER, "12.50", "840"));
        rejectsField(path, "attempt", "{" + ORDER + ", " + CUSTOMER + ", \"amount\": 1, \"currency\": \"USD\", \"attempt\": 1.5}");
        rejectsField(path, "currency", body(ORDER, CUSTOMER, "10.00", "\"usd\""));
        rejectsField(path, "currency", body(ORDER, CUSTOMER, "10.00", "\"USDX\""));
        rejectsField(path, "orderId", body("\"orderId\": \"not-a-uuid\"", CUSTOMER, "10.00", "\"USD\""));
        rejectsField(path, "customerId", body(ORDER, "\"customerId\": 42", "10.00", "\"USD\""));
        rejectsField(path, "attempt", "{" + ORDER + ", " + CUSTOMER + ", \"amount\": 1, \"currency\": \"USD\", \"attempt\": 0}");
    }

    @Test
    void explainsAMalformedValueWithoutNamingServerClasses() {
        for (String path : BODY_ENDPOINTS) {
            Map<String, Object> problem = api.problem(rawPost(path, body("\"orderId\": \"x\"", CUSTOMER, "1", "\"USD\"")),
                    HttpStatus.BAD_REQUEST);
            assertFalse(((String) problem.get("detail")).contains("oms."), () -> "detail: " + problem.get("detail"));
        }
    }

    @Test
    void listsEveryMissingField() {
        for (String path : BODY_ENDPOINTS) {
            assertEquals(List.of("amount", "currency", "customerId", "orderId"), offendingFields(rawPost(path, "{}")),
                    () -> "for " + path);
        }
    }

    @Test
    void rejectsBodiesThatAreNotAPaymentRequest() {
        for (String path : BODY_ENDPOINTS) {
            offendingFields(rawPost(path, "{\"orderId\": "));
            offendingFields(rawPost(path, "[]"));
            offendingFields(rawPost(path, ""));
        }
    }

    @Test
    void rejectsMalformedIdsAndPaging() {
        offendingFields(HttpRequest.GET(PAYMENTS + "/not-a-uuid"));
        offendingFields(HttpRequest.POST(PAYMENTS + "/not-a-uuid/void", ""));
        offendingFields(HttpRequest.GET(PAYMENTS + "?orderId=not-a-uuid"));
        offendingFields(HttpRequest.GET(PAYMENTS + "?page=-1"));
        offendingFields(HttpRequest.GET(PAYMENTS + "?size=0"));
        offendingFields(HttpRequest.GET(PAYMENTS + "?size=101"));
    }

    @Test
    void writesNothingForAnyRejectedRequest() {
        rejectsEachMalformedFieldByName();
        listsEveryMissingField();
        rejectsBodiesThatAreNotAPaymentRequest();
        assertEquals(0, scalar("SELECT count(*) FROM payment"));
    }
}
