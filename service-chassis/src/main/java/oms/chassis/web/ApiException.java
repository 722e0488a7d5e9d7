package oms.chassis.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An error the API answers with a problem document; thrown from services, mapped in one place. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Integer retryAfterSeconds;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> members = new LinkedHashMap<>();

    public ApiException(HttpStatus status, String code, String detail) {
        this(status, code, detail, null, null);
    }

    private ApiException(HttpStatus status, String code, String detail, @Nullable Integer retryAfterSeconds,
                         @Nullable List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
        this.errors = errors;
    }

    /** A malformed input that bean validation cannot express, such as a sku repeated across items. */
    public static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", field + ": " + message, null,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ApiException badRequest(String code, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, detail);
    }

    public static ApiException notFound(String code, String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, code, detail);
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, detail);
    }

    public static ApiException unprocessable(String code, String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, code, detail);
    }

    /** An answer the client should repeat after the given number of seconds (sent as {@code Retry-After}). */
    public static ApiException retryLater(HttpStatus status, String code, String detail, int retryAfterSeconds) {
        return new ApiException(status, code, detail, retryAfterSeconds, null);
    }

    /** Adds an extension member to the problem, such as the skus a stock rejection is about. */
    public ApiException with(String name, Object value) {
        members.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    /** The contract's machine-readable error code, such as {@code ORDER_NOT_FOUND}. */
    public String code() {
        return code;
    }

    /** The problem document this error answers with. */
    public Problem problem() {
        return Problem.of(status.getCode(), status.getReason(), code, getMessage(), errors).with(members);
    }

    @Nullable
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
