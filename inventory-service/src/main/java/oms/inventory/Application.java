package oms.inventory;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "inventory-service", version = "0.1.0",
        description = "Products, their stock, and reservations that hold stock for an order until it is committed or released."))
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
