package oms.chassis.security;

import java.util.regex.Pattern;

/**
 * The only paths open without a token: health (status only), the OpenAPI documents, Swagger UI and
 * the Prometheus scrape. {@link AccessFilter} opens them for routes without {@code @Secured} (the
 * management endpoints and static resources) only; a route with {@code @Secured} needs its roles
 * wherever its path is.
 */
final class AnonymousPaths {

    private static final Pattern OPEN = Pattern.compile(
            "/health(/liveness|/readiness)?|/swagger/[^/]+\\.yml|/swagger-ui(/.*)?|/prometheus");

    private AnonymousPaths() {
    }

    static boolean open(String path) {
        return OPEN.matcher(path).matches();
    }
}
