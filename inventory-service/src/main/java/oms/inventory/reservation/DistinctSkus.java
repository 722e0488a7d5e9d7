package oms.inventory.reservation;

import jakarta.validation.Constraint;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** No sku twice in one request: a repeated line is almost always a client bug, and items are keyed by sku. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Constraint(validatedBy = {})
public @interface DistinctSkus {

    String message() default "must not name a sku twice";

    Class<?>[] groups() default {};

    Class<?>[] payload() default {};
}
