package oms.order;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "order-service", version = "0.1.0",
        description = "Customers who place orders; the order service checks that a customer exists and is ACTIVE."))
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
