package oms.inventory.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Produces
@Singleton
class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ApiException e) {
        Problem body = Problem.of(e.status().getCode(), e.status().getReason(), e.code(), e.getMessage(), null, e.skus());
        return HttpResponse.<Problem>status(e.status()).contentType(Problem.CONTENT_TYPE).body(body);
    }
}
