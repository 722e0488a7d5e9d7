package oms.chassis.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.RouteMatch;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Who may call what, decided once per request: the bearer token's roles against the route's
 * {@code @Secured}. It takes the place of the framework's SecurityFilter (switched off in
 * {@link SecurityDefaults}), which runs a reactive chain of token fetchers and rules around every
 * request (docs/benchmarks.md, 2026-12-01 evening, for what replacing it bought). A token seen before
 * is answered from {@link VerifiedTokens} without leaving the calling thread; only a new one waits
 * for the framework's JWT validator.
 * <p>
 * The rules: a path with no route is left to answer 404; a route without {@code @Secured} (the
 * management endpoints, Swagger UI) is open on an {@link AnonymousPaths} path and for admins only
 * elsewhere; otherwise one of the caller's roles must be listed. No or a refused token: 401; a valid
 * one without the role: 403. Both go to the framework's AuthorizationException handler, so the
 * answers (problem+json, the {@code WWW-Authenticate: Bearer} challenge) are the framework's.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "micronaut.security.enabled", notEquals = StringUtils.FALSE)
class AccessFilter implements Ordered {

    private static final String BEARER = "Bearer ";
    private static final String[] NOT_SECURED = {};

    private final VerifiedTokens tokens;

    AccessFilter(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    /** Completes with the request to let it through, or fails with the refusal. */
    @RequestFilter
    CompletionStage<HttpRequest<?>> authorize(HttpRequest<?> request) {
        // The framework's Authentication argument binder only binds where its filter has run.
        request.setAttribute(SecurityFilter.KEY, true);
        RouteMatch<?> route = request.getAttribute(HttpAttributes.ROUTE_MATCH, RouteMatch.class).orElse(null);
        String[] allowed = route == null ? NOT_SECURED : route.getAnnotationMetadata().stringValues(Secured.class);
        // Open: no token needed, but one that is there still counts (an admin's /health shows details).
        // The anonymous paths open only routes without @Secured: a controller route whose path
        // happens to match one (say, under /swagger-ui/) still needs its roles.
        boolean open = route == null || contains(allowed, SecurityRule.IS_ANONYMOUS)
                || allowed.length == 0 && AnonymousPaths.open(request.getPath());
        String token = bearerToken(request);
        if (token == null) {
            return open ? proceed(request) : refused(null);
        }
        Authentication known = tokens.recall(token);
        if (known != null) {
            return decide(request, open, allowed, known);
        }
        return tokens.verify(token, request).thenCompose(verified -> decide(request, open, allowed, verified));
    }

    private static CompletionStage<HttpRequest<?>> decide(HttpRequest<?> request, boolean open, String[] allowed,
                                                          @Nullable Authentication authentication) {
        if (authentication != null) {
            request.setAttribute(SecurityFilter.AUTHENTICATION, authentication);
        }
        if (open) {
            return proceed(request);
        }
        if (authentication == null) {
            return refused(null);
        }
        return permits(allowed, authentication.getRoles()) ? proceed(request) : refused(authentication);
    }

    /** True when the route's {@code @Secured} values let a caller with these roles in. */
    static boolean permits(String[] allowed, Collection<String> roles) {
        if (allowed.length == 0) {
            return roles.contains(Roles.ADMIN);
        }
        for (String value : allowed) {
            if (value.equals(SecurityRule.IS_AUTHENTICATED) || roles.contains(value)) {
                return true;
            }
        }
        return false;
    }

    private static CompletionStage<HttpRequest<?>> proceed(HttpRequest<?> request) {
        return CompletableFuture.completedFuture(request);
    }

    /** 401 without an authentication, 403 with one. */
    private static CompletionStage<HttpRequest<?>> refused(@Nullable Authentication authentication) {
        return CompletableFuture.failedFuture(new AuthorizationException(authentication));
    }

    private static String bearerToken(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }

    private static boolean contains(String[] values, String wanted) {
        for (String value : values) {
            if (value.equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
