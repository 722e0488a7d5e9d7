package oms.chassis.openapi;

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

/**
 * Documents what every operation taking a JSON body can answer about the body itself: 400
 * INVALID_REQUEST and 413 REQUEST_TOO_LARGE.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "400", description = "INVALID_REQUEST: malformed JSON, a wrong type, a value out of range, "
        + "an unknown field, or a malformed parameter; errors names the offending fields and nothing is written",
        content = @Content(mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "INVALID_REQUEST", value = Examples.INVALID_REQUEST)))
@ApiResponse(responseCode = "413", description = "REQUEST_TOO_LARGE: the body is over 64 KiB",
        content = @Content(mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "REQUEST_TOO_LARGE", value = Examples.REQUEST_TOO_LARGE)))
public @interface JsonBody {
}
