package oms.order.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/**
 * An RFC 9457 problem document with the machine-readable {@code code} of the contract.
 *
 * @param errors  the offending fields of an {@code INVALID_REQUEST}; absent otherwise
 * @param orderId the order a rejection or failure belongs to, so the client can look it up
 * @param skus    the products a stock rejection is about
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code,
                      @Nullable List<FieldError> errors, @Nullable UUID orderId, @Nullable List<String> skus) {

    public static final String CONTENT_TYPE = "application/problem+json";

    /** One offending input field and what is wrong with it. */
    @Serdeable
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String title, String code, String detail, @Nullable List<FieldError> errors) {
        return new Problem(typeOf(code), title, status, detail, code, errors, null, null);
    }

    public static Problem forOrder(int status, String title, String code, String detail, UUID orderId,
                                   @Nullable List<String> skus) {
        return new Problem(typeOf(code), title, status, detail, code, null, orderId, skus);
    }

    private static String typeOf(String code) {
        return "https://oms.example/problems/" + code.toLowerCase().replace('_', '-');
    }
}
