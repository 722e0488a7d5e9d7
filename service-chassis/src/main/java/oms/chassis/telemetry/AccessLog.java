package oms.chassis.telemetry;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per API request, written inside the request's trace context so that it carries the
 * trace id: with it, one order can be followed through every service's log, even a service that
 * logs nothing else about it. Health checks and scrapes are left out (they would drown the rest).
 * Logger "oms.access"; LOGGER_LEVELS_OMS_ACCESS=WARN turns it off.
 */
@ServerFilter(value = "/api/**", patternStyle = FilterPatternStyle.ANT)
class AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger("oms.access");
    private static final String STARTED = AccessLog.class.getName() + ".started";

    @RequestFilter
    void start(HttpRequest<?> request) {
        if (LOG.isInfoEnabled()) {
            request.setAttribute(STARTED, System.nanoTime());
        }
    }

    @ResponseFilter
    void finish(HttpRequest<?> request, HttpResponse<?> response) {
        request.getAttribute(STARTED, Long.class).ifPresent(started -> LOG.info("{} {} {} {} ms",
                request.getMethodName(), request.getPath(), response.code(),
                (System.nanoTime() - started) / 1_000_000));
    }
}
