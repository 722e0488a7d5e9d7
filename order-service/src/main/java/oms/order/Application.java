package oms.order;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.tags.Tag;

@OpenAPIDefinition(info = @Info(title = "order-service", version = "0.1.0",
        description = "Places orders: checks the customer, reserves stock, authorizes the payment and commits the reservation, undoing earlier steps when one fails. Clients retry safely with an Idempotency-Key."),
        servers = @Server(url = "/", description = "this service"),
        tags = {@Tag(name = "orders", description = "Placing, reading and cancelling orders")},
        security = @SecurityRequirement(name = "bearer"))
// Swagger UI's Authorize takes a token from scripts/token (locally) or the identity provider.
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
