package oms.customer.customer;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import oms.chassis.security.Caller;
import oms.chassis.security.Roles;
import oms.chassis.web.ApiException;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Tag(name = "customers")
@Controller("/api/v1/customers")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class CustomerController {

    private final CustomerService service;

    CustomerController(CustomerService service) {
        this.service = service;
    }

    @Post
    HttpResponse<CustomerResponse> create(@Body @Valid CreateCustomerRequest request) {
        Customer customer = service.create(request);
        return HttpResponse.created(CustomerResponse.of(customer), URI.create("/api/v1/customers/" + customer.id()));
    }

    @Get
    @Secured({Roles.ADMIN, Roles.SERVICE})
    List<CustomerResponse> list(@QueryValue(defaultValue = "0") @Min(0) int page,
                                @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        return service.list(page, size).stream().map(CustomerResponse::of).toList();
    }

    /** A customer reads its own record only: another's is 403, whether or not it exists, so ids cannot be probed. */
    @Get("/{id}")
    @Secured({Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER})
    CustomerResponse get(@PathVariable UUID id, Authentication authentication) {
        if (!Caller.of(authentication).mayActFor(id)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", "A customer may read its own record only");
        }
        return CustomerResponse.of(service.get(id));
    }

    @Patch("/{id}")
    CustomerResponse update(@PathVariable UUID id, @Body @Valid UpdateCustomerRequest request) {
        return CustomerResponse.of(service.update(id, request));
    }
}
