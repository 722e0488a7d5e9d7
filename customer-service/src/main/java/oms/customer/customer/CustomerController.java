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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import oms.chassis.openapi.InvalidRequest;
import oms.chassis.openapi.JsonBody;
import oms.chassis.openapi.TokenRequired;
import oms.chassis.web.Problem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import oms.chassis.security.Caller;
import oms.chassis.security.Roles;
import oms.chassis.web.ApiException;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import oms.chassis.web.Paging;

@Tag(name = "customers")
@TokenRequired
@Controller("/api/v1/customers")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class CustomerController {

    private static final String CUSTOMER_NOT_FOUND = """
            {"type": "https://oms.example/problems/customer-not-found", "title": "Not Found", "status": 404,
             "detail": "No customer with id 5f0c2a7e-8d1b-4e0a-b3f9-1c2d3e4f5a6b", "code": "CUSTOMER_NOT_FOUND"}""";
    private static final String EMAIL_TAKEN = """
            {"type": "https://oms.example/problems/email-taken", "title": "Conflict", "status": 409,
             "detail": "The email ada@example.com belongs to another customer", "code": "EMAIL_TAKEN"}""";

    private final CustomerService service;

    CustomerController(CustomerService service) {
        this.service = service;
    }

    @Post
    @Operation(operationId = "createCustomer", summary = "Register a customer (ACTIVE)")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new customer",
            headers = @Header(name = "Location", required = true, schema = @Schema(type = "string", format = "uri-reference")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CustomerResponse.class)))
    @JsonBody
    @ApiResponse(responseCode = "409", description = "EMAIL_TAKEN: another customer has this email", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "EMAIL_TAKEN", value = EMAIL_TAKEN)))
    HttpResponse<CustomerResponse> create(@Body @Valid CreateCustomerRequest request) {
        Customer customer = service.create(request);
        return HttpResponse.created(CustomerResponse.of(customer), URI.create("/api/v1/customers/" + customer.id()));
    }

    @Get
    @Operation(operationId = "listCustomers", summary = "List customers, oldest first")
    @InvalidRequest
    @Secured({Roles.ADMIN, Roles.SERVICE})
    List<CustomerResponse> list(@QueryValue(defaultValue = "0") @Min(0) int page,
                                @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        Paging.offset(page, size);
        return service.list(page, size).stream().map(CustomerResponse::of).toList();
    }

    /** A customer reads its own record only: another's is 403, whether or not it exists, so ids cannot be probed. */
    @Get("/{id}")
    @Operation(operationId = "getCustomer", summary = "Read one customer")
    @InvalidRequest
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "CUSTOMER_NOT_FOUND", value = CUSTOMER_NOT_FOUND)))
    @Secured({Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER})
    CustomerResponse get(@PathVariable UUID id, Authentication authentication) {
        if (!Caller.of(authentication).mayActFor(id)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", "A customer may read its own record only");
        }
        return CustomerResponse.of(service.get(id));
    }

    @Patch("/{id}")
    @Operation(operationId = "updateCustomer", summary = "Change a customer's name, email or status; absent fields stay")
    @JsonBody
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "CUSTOMER_NOT_FOUND", value = CUSTOMER_NOT_FOUND)))
    @ApiResponse(responseCode = "409", description = "EMAIL_TAKEN: another customer has this email", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "EMAIL_TAKEN", value = EMAIL_TAKEN)))
    CustomerResponse update(@PathVariable UUID id, @Body @Valid UpdateCustomerRequest request) {
        return CustomerResponse.of(service.update(id, request));
    }
}
