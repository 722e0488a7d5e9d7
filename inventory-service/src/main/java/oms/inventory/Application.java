package oms.inventory;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.tags.Tag;

@OpenAPIDefinition(info = @Info(title = "inventory-service", version = "0.1.0",
        description = "Products, their stock, and reservations that hold stock for an order until it is committed or released."),
        servers = @Server(url = "/", description = "this service"),
        tags = {@Tag(name = "products", description = "The catalogue: prices and free stock"),
                @Tag(name = "reservations", description = "Stock held for an order until it is committed or released")},
        security = @SecurityRequirement(name = "bearer"))
// Swagger UI's Authorize takes a token from scripts/token (locally) or the identity provider.
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
