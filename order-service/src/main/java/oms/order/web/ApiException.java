package oms.order.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

import java.util.List;

/** An error the API answers with a problem document; thrown from services, mapped in one place. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Integer retryAfterSeconds;
    private final List<Problem.FieldError> errors;

    public ApiException(HttpStatus status, String code, String detail, @Nullable Integer retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
        this.errors = null;
    }

    private ApiException(Problem.FieldError error) {
        super(error.field() + ": " + error.message());
        this.status = HttpStatus.BAD_REQUEST;
        this.code = "INVALID_REQUEST";
        this.retryAfterSeconds = null;
        this.errors = List.of(error);
    }

    /** A malformed input that bean validation cannot express, such as a sku repeated across items. */
    public static ApiException invalid(String field, String message) {
        return new ApiException(new Problem.FieldError(field, message));
    }

    public static ApiException badRequest(String code, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, detail, null);
    }

    public static ApiException notFound(String code, String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, code, detail, null);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    @Nullable
    public List<Problem.FieldError> errors() {
        return errors;
    }

    @Nullable
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
