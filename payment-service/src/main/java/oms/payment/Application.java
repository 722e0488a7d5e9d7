package oms.payment;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "payment-service", version = "0.1.0",
        description = "Authorizes and voids order payments against a simulated gateway; "
                + "one payment per order attempt, however often the request is repeated."))
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
