package oms.chassis.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns every error the framework answers by itself (bad JSON, wrong types, failed bean
 * validation, unknown route, wrong method or media type) into the contract's problem+json.
 */
@Singleton
@Primary
class ProblemErrorProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    @NonNull
    public MutableHttpResponse<Problem> processResponse(@NonNull ErrorContext context,
                                                        @NonNull MutableHttpResponse<?> response) {
        @SuppressWarnings("unchecked")
        MutableHttpResponse<Problem> typed = (MutableHttpResponse<Problem>) response;
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return typed;
        }
        int status = response.code();
        // A server fault's message describes our internals, not the caller's mistake: keep it out.
        List<Problem.FieldError> errors = status >= 500 ? List.of() : fieldErrors(context);
        String detail = errors.isEmpty() ? (status == 413 ? "The request body is larger than 64 KiB" : response.reason())
                : String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
        // The security filter's error names no field: say what the caller lacks instead.
        if (status == 401) {
            detail = "A valid bearer token is required (Authorization: Bearer <JWT>)";
        } else if (status == 403) {
            detail = "The token does not allow this request";
        }
        Problem problem = Problem.of(status, response.reason(), codeFor(status), detail,
                status == 400 ? errors : null);
        return typed.contentType(Problem.CONTENT_TYPE).body(problem);
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "INVALID_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "REQUEST_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "REQUEST_FAILED";
        };
    }

    private static List<Problem.FieldError> fieldErrors(ErrorContext context) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Throwable root = context.getRootCause().orElse(null);
        if (root instanceof ConstraintViolationException cve) {
            for (ConstraintViolation<?> v : cve.getConstraintViolations()) {
                errors.add(new Problem.FieldError(fieldName(v.getPropertyPath()), v.getMessage()));
            }
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            return errors;
        }
        // A body that decodes but not into the request record: name the JSON field, not the Java argument.
        Optional<Problem.FieldError> decoding = DecodingError.of(root);
        if (decoding.isPresent()) {
            return List.of(decoding.get());
        }
        // Paths come as "/id" for arguments; a body that does not parse has no path at all.
        context.getErrors().forEach(e -> errors.add(new Problem.FieldError(
                e.getPath().map(p -> p.startsWith("/") ? p.substring(1) : p).orElse("body"), ClientMessage.of(e.getMessage()))));
        return errors;
    }

    /** Drops the method and parameter names from a path such as {@code create.request.items[0].sku}. */
    private static String fieldName(Path path) {
        String[] parts = path.toString().split("\\.", 3);
        return parts[parts.length - 1];
    }
}
