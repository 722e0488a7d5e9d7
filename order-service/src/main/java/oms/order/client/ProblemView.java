package oms.order.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The part of a downstream problem+json answer the order service acts on. */
@Serdeable
public record ProblemView(@Nullable String code, @Nullable String detail, @Nullable List<String> skus) {
}
