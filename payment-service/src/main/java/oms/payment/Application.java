package oms.payment;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.tags.Tag;

@OpenAPIDefinition(info = @Info(title = "payment-service", version = "0.1.0",
        description = "Authorizes and voids order payments against a simulated gateway; "
                + "one payment per order attempt, however often the request is repeated."),
        servers = @Server(url = "/", description = "this service"),
        tags = @Tag(name = "payments", description = "Authorizations of order totals and their voids"),
        security = @SecurityRequirement(name = "bearer"))
// Swagger UI's Authorize takes a token from scripts/token (locally) or the identity provider.
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
