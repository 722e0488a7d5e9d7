package oms.customer.customer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import oms.chassis.web.StrictJson;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A partial update: absent fields stay as they are. */
@JsonIgnoreProperties(ignoreUnknown = false)
@Serdeable
public record UpdateCustomerRequest(@Nullable @Size(min = 1, max = 200) @Pattern(regexp = "^.*\\S.*$", message = "must not be blank")
                                    @Serdeable.Deserializable(using = StrictJson.Text.class) String name,
                                    @Nullable @Email @Size(min = 3, max = 320) @Serdeable.Deserializable(using = StrictJson.Text.class) String email,
                                    // inline, as OpenAPI 3.0 cannot mark a $ref nullable
                                    @Nullable @Schema(implementation = String.class, allowableValues = {"ACTIVE", "SUSPENDED"}, nullable = true)
                                    CustomerStatus status) {
}
