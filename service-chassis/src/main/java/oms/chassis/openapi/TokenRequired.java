package oms.chassis.openapi;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import oms.chassis.web.Problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Documents the 401 UNAUTHENTICATED and 403 FORBIDDEN that every operation under /api/v1 can answer. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ApiResponse(responseCode = "401", description = "UNAUTHENTICATED: no bearer token, or a bad one (wrong signature, "
        + "expired, alg none, unknown issuer)",
        headers = @Header(name = "WWW-Authenticate", description = "Bearer", required = true, schema = @Schema(type = "string")),
        content = @Content(mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "UNAUTHENTICATED", value = """
                        {"type": "https://oms.example/problems/unauthenticated", "title": "Unauthorized", "status": 401,
                         "detail": "A valid bearer token is required", "code": "UNAUTHENTICATED"}""")))
@ApiResponse(responseCode = "403", description = "FORBIDDEN: the token is good but its roles do not allow this",
        content = @Content(mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "FORBIDDEN", value = """
                        {"type": "https://oms.example/problems/forbidden", "title": "Forbidden", "status": 403,
                         "detail": "This token may not do that", "code": "FORBIDDEN"}""")))
public @interface TokenRequired {
}
