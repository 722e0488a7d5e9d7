package oms.inventory.reservation;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

@Singleton
class DistinctSkusValidator implements ConstraintValidator<DistinctSkus, List<ReservationItemRequest>> {

    @Override
    public boolean isValid(@Nullable List<ReservationItemRequest> items,
                           @NonNull AnnotationValue<DistinctSkus> annotation,
                           @NonNull ConstraintValidatorContext context) {
        if (items == null) {
            return true;
        }
        Set<String> seen = new HashSet<>();
        return items.stream().filter(Objects::nonNull).map(ReservationItemRequest::sku)
                .filter(Objects::nonNull).allMatch(seen::add);
    }
}
