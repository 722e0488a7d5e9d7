package oms.chassis.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.regex.Pattern;

/**
 * The only paths open without a token: health (status only), the OpenAPI documents, Swagger UI and
 * the Prometheus scrape. Everything else is left to the other rules, which refuse by default.
 */
@Singleton
class AnonymousPaths implements SecurityRule<HttpRequest<?>> {

    private static final Pattern OPEN = Pattern.compile(
            "/health(/liveness|/readiness)?|/swagger/[^/]+\\.yml|/swagger-ui(/.*)?|/prometheus");

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        return Publishers.just(request != null && OPEN.matcher(request.getPath()).matches()
                ? SecurityRuleResult.ALLOWED : SecurityRuleResult.UNKNOWN);
    }

    @Override
    public int getOrder() {
        // Before the annotation and endpoint rules, so that no endpoint setting can close these.
        return -1000;
    }
}
