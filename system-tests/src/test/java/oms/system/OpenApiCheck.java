package oms.system;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Fails a test on any answer under {@code /api/v1} that the serving service's own OpenAPI document
 * does not describe: status, media type, body schema and declared headers. Only responses are
 * checked, because some tests send malformed requests on purpose. The document is read once per
 * service from the running service's {@code /swagger/<name>.yml}, so it is the one in the jar.
 */
final class OpenApiCheck {

    private static final Map<String, String> SERVICE_BY_RESOURCE = Map.of(
            "customers", "customer-service",
            "products", "inventory-service",
            "reservations", "inventory-service",
            "payments", "payment-service",
            "orders", "order-service");

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private OpenApiCheck() {
    }

    /** Throws an {@link AssertionError} naming every difference between the answer and the document. */
    static void assertDocumented(HttpResponse<String> response) {
        URI uri = response.request().uri();
        String path = uri.getPath();
        if (!path.startsWith("/api/v1/")) {
            return; // health, metrics and the documents themselves are not part of the documented API
        }
        String resource = path.substring("/api/v1/".length()).split("/", 2)[0];
        String service = SERVICE_BY_RESOURCE.get(resource);
        if (service == null) {
            return; // not one of ours: Prometheus' own HTTP API lives under /api/v1 too (/api/v1/query)
        }
        OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(service, name -> load(uri, name));
        ValidationReport report = validator.validateResponse(path,
                Request.Method.valueOf(response.request().method()), toModel(response));
        if (report.hasErrors()) {
            throw new AssertionError(response.request().method() + " " + path + " answered " + response.statusCode()
                    + ", which " + service + "'s OpenAPI document does not describe:\n"
                    + report.getMessages().stream().map(m -> "  " + m.getKey() + ": " + m.getMessage())
                    .collect(Collectors.joining("\n"))
                    + "\nbody: " + response.body());
        }
    }

    private static SimpleResponse toModel(HttpResponse<String> response) {
        SimpleResponse.Builder model = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach(model::withHeader);
        if (!response.body().isEmpty()) {
            model.withBody(response.body());
        }
        return model.build();
    }

    private static OpenApiInteractionValidator load(URI servedBy, String service) {
        URI document = servedBy.resolve("/swagger/" + service + ".yml");
        try {
            HttpResponse<String> yaml = CLIENT.send(HttpRequest.newBuilder(document).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (yaml.statusCode() != 200) {
                throw new AssertionError(document + " answered " + yaml.statusCode());
            }
            return OpenApiInteractionValidator.createForInlineApiSpecification(yaml.body()).build();
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + document, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
