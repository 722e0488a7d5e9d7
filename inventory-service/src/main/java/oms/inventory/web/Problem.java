package oms.inventory.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem document with the machine-readable {@code code} of the contract.
 *
 * @param errors the offending fields of an {@code INVALID_REQUEST}; absent otherwise
 * @param skus   the products a reservation failed on ({@code INSUFFICIENT_STOCK}, {@code PRODUCT_NOT_FOUND}); absent otherwise
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code,
                      @Nullable List<FieldError> errors, @Nullable List<String> skus) {

    public static final String CONTENT_TYPE = "application/problem+json";

    /** One offending input field and what is wrong with it. */
    @Serdeable
    public record FieldError(String field, String message) {
    }

    static Problem of(int status, String title, String code, String detail,
                      @Nullable List<FieldError> errors, @Nullable List<String> skus) {
        return new Problem("https://oms.example/problems/" + code.toLowerCase().replace('_', '-'),
                title, status, detail, code, errors, skus);
    }
}
