package oms.inventory.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

import java.util.List;

/** A business error the API answers with a problem document; thrown from services, mapped in one place. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<String> skus;

    public ApiException(HttpStatus status, String code, String detail, @Nullable List<String> skus) {
        super(detail);
        this.status = status;
        this.code = code;
        this.skus = skus == null ? null : List.copyOf(skus);
    }

    public static ApiException notFound(String code, String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, code, detail, null);
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, detail, null);
    }

    public static ApiException unprocessable(String code, String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, code, detail, null);
    }

    /** A 422 about particular products; the problem lists them in {@code skus} so a client need not parse the detail. */
    public static ApiException unprocessable(String code, String detail, List<String> skus) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, code, detail, skus);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    @Nullable
    public List<String> skus() {
        return skus;
    }
}
