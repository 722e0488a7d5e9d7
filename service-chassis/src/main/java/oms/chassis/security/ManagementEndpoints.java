package oms.chassis.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Management endpoints other than those {@link AnonymousPaths} opens are for admins only, whatever
 * their {@code sensitive} setting says: {@code /beans}, {@code /routes}, {@code /env},
 * {@code /loggers}, {@code /refresh}, {@code /threaddump} tell an attacker too much.
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
class ManagementEndpoints extends SensitiveEndpointRule {

    ManagementEndpoints(EndpointSensitivityProcessor endpointSensitivityProcessor) {
        super(endpointSensitivityProcessor);
    }

    @Override
    @NonNull
    protected Publisher<SecurityRuleResult> check(@NonNull HttpRequest<?> request, @Nullable Authentication authentication,
                                                  @NonNull ExecutableMethod<?, ?> method) {
        return Publishers.just(authentication != null && authentication.getRoles().contains(Roles.ADMIN)
                ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }
}
