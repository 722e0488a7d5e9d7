package oms.customer.customer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import oms.chassis.web.StrictJson;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@JsonIgnoreProperties(ignoreUnknown = false)
@Serdeable
@Schema(example = "{\"name\": \"Ada Lovelace\", \"email\": \"ada@example.com\"}")
public record CreateCustomerRequest(@NotBlank @Size(max = 200) @Serdeable.Deserializable(using = StrictJson.Text.class) String name,
                                    @NotBlank @Email @Size(max = 320) @Serdeable.Deserializable(using = StrictJson.Text.class) String email) {
}
