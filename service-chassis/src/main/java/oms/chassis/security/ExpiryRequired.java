package oms.chassis.security;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * A token must say when it runs out: the framework refuses an expired one but lets one without
 * {@code exp} live for ever, which a leaked token must not.
 */
@Singleton
class ExpiryRequired<T> implements GenericJwtClaimsValidator<T> {

    @Override
    public boolean validate(@NonNull Claims claims, @Nullable T request) {
        return claims.get(Claims.EXPIRATION_TIME) != null;
    }
}
