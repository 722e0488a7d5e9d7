package oms.chassis.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * An RFC 9457 problem document with the machine-readable {@code code} of the contract.
 *
 * @param errors  the offending fields of an {@code INVALID_REQUEST}; absent otherwise
 * @param members extension members a service adds, such as the {@code orderId} a rejection belongs
 *                to; written as top-level members, as RFC 9457 asks
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An RFC 9457 problem document. Extension members such as orderId or skus "
        + "appear at the top level next to the standard ones.",
        additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
public record Problem(@Schema(format = "uri-reference", requiredMode = REQUIRED) String type, String title,
                      @Schema(minimum = "400", maximum = "599", requiredMode = REQUIRED) int status, String detail,
                      @Schema(description = "The machine-readable error code, e.g. ORDER_NOT_FOUND",
                              requiredMode = REQUIRED) String code,
                      @Nullable @Schema(description = "The offending fields of an INVALID_REQUEST") List<FieldError> errors,
                      // written as top-level members by extensionMembers(), never as a "members" object
                      @JsonIgnore @Schema(hidden = true) Map<String, Object> members) {

    public static final String CONTENT_TYPE = "application/problem+json";

    /** One offending input field and what is wrong with it. */
    @Serdeable
    @Schema(name = "ProblemFieldError")
    public record FieldError(String field, String message) {
    }

    public Problem {
        members = Map.copyOf(members);
    }

    public static Problem of(int status, String title, String code, String detail, @Nullable List<FieldError> errors) {
        return new Problem("https://oms.example/problems/" + code.toLowerCase().replace('_', '-'),
                title, status, detail, code, errors, Map.of());
    }

    /** This problem with one more extension member. */
    public Problem with(String name, Object value) {
        return with(Map.of(name, value));
    }

    /** This problem with more extension members; a name it already has takes the new value. */
    public Problem with(Map<String, Object> more) {
        Map<String, Object> all = new LinkedHashMap<>(members);
        all.putAll(more);
        return new Problem(type, title, status, detail, code, errors, all);
    }

    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return members;
    }
}
