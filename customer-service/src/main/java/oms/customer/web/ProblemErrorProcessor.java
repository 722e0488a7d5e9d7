package oms.customer.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.serde.exceptions.InvalidPropertyFormatException;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns every error the framework answers by itself (bad JSON, wrong types, failed bean
 * validation, unknown route, wrong method or media type) into the contract's problem+json.
 */
@Singleton
@Primary
class ProblemErrorProcessor implements ErrorResponseProcessor<Problem> {

    private static final Pattern JSON_PROPERTY = Pattern.compile("\\[\"([^\"]+)\"]");

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
        String detail = errors.isEmpty() ? response.reason()
                : String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
        Problem problem = Problem.of(status, response.reason(), codeFor(status), detail,
                status == 400 ? errors : null);
        return typed.contentType(Problem.CONTENT_TYPE).body(problem);
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "INVALID_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "REQUEST_FAILED";
        };
    }

    private static List<Problem.FieldError> fieldErrors(ErrorContext context) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (context.getRootCause().orElse(null) instanceof ConstraintViolationException cve) {
            for (ConstraintViolation<?> v : cve.getConstraintViolations()) {
                errors.add(new Problem.FieldError(fieldName(v.getPropertyPath()), v.getMessage()));
            }
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            return errors;
        }
        Problem.FieldError bodyField = badBodyField(context);
        if (bodyField != null) {
            errors.add(bodyField);
            return errors;
        }
        // Paths come as "/id" for arguments; a body that does not parse has no path at all.
        context.getErrors().forEach(e -> errors.add(new Problem.FieldError(
                e.getPath().map(p -> p.startsWith("/") ? p.substring(1) : p).orElse("body"), firstLine(e.getMessage()))));
        return errors;
    }

    /**
     * A JSON body that parses but holds a value of the wrong type ({@code "amount": "ten"}, a malformed
     * UUID) fails while decoding; the framework then blames the whole body argument, so name the field
     * from the decoder's own path instead.
     */
    @Nullable
    private static Problem.FieldError badBodyField(ErrorContext context) {
        for (Throwable t = context.getRootCause().orElse(null); t != null; t = t.getCause()) {
            if (t instanceof SerdeException serde) {
                String field = lastProperty(serde.getPathAsString());
                if (field == null && t instanceof InvalidPropertyFormatException property) {
                    field = property.getArgument().getName();
                }
                if (field != null) {
                    return new Problem.FieldError(field, firstLine(innermost(serde).getMessage()));
                }
            }
        }
        return null;
    }

    /** The innermost property of a decoder path such as {@code CreateCustomerRequest["amount"]}. */
    @Nullable
    private static String lastProperty(String path) {
        Matcher property = JSON_PROPERTY.matcher(path);
        String last = null;
        while (property.find()) {
            last = property.group(1);
        }
        return last;
    }

    /** The innermost cause says what was wrong with the value without naming our classes. */
    private static Throwable innermost(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** Jackson appends the source location on a second line; callers only need the reason. */
    private static String firstLine(String message) {
        return message == null ? "invalid value" : message.lines().findFirst().orElse(message).strip();
    }

    /** Drops the method and parameter names from a path such as {@code create.request.items[0].sku}. */
    private static String fieldName(Path path) {
        String[] parts = path.toString().split("\\.", 3);
        return parts[parts.length - 1];
    }
}
