package oms.inventory.product;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
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
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import oms.chassis.openapi.InvalidRequest;
import oms.chassis.openapi.JsonBody;
import oms.chassis.openapi.TokenRequired;
import oms.chassis.web.Problem;
import oms.chassis.security.Roles;
import oms.inventory.InventorySettings;

import java.net.URI;
import java.util.List;
import oms.chassis.web.Paging;

@Tag(name = "products")
@TokenRequired
@Controller("/api/v1/products")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class ProductController {

    private static final String PRODUCT_NOT_FOUND = """
            {"type": "https://oms.example/problems/product-not-found", "title": "Not Found", "status": 404,
             "detail": "No product with sku BOOK-42", "code": "PRODUCT_NOT_FOUND"}""";
    private static final String SKU_TAKEN = """
            {"type": "https://oms.example/problems/sku-taken", "title": "Conflict", "status": 409,
             "detail": "A product with sku BOOK-42 already exists", "code": "SKU_TAKEN"}""";

    private final ProductService service;
    private final String currency;

    ProductController(ProductService service, InventorySettings settings) {
        this.service = service;
        this.currency = settings.currency();
    }

    @Post
    @Operation(operationId = "createProduct", summary = "Add a product with its price and free stock")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new product",
            headers = @Header(name = "Location", required = true, schema = @Schema(type = "string", format = "uri-reference")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductResponse.class)))
    @JsonBody
    @ApiResponse(responseCode = "409", description = "SKU_TAKEN: a product with this sku exists", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "SKU_TAKEN", value = SKU_TAKEN)))
    HttpResponse<ProductResponse> create(@Body @Valid CreateProductRequest request) {
        Product product = service.create(request);
        return HttpResponse.created(view(product), URI.create("/api/v1/products/" + product.sku()));
    }

    @Get
    @Operation(operationId = "listProducts", summary = "List products by sku")
    @InvalidRequest
    @Secured({Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER})
    List<ProductResponse> list(@QueryValue(defaultValue = "0") @Min(0) int page,
                               @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        Paging.offset(page, size);
        return service.list(page, size).stream().map(this::view).toList();
    }

    @Get("/{sku}")
    @Operation(operationId = "getProduct", summary = "Read one product: price, free and reserved stock")
    @InvalidRequest
    @ApiResponse(responseCode = "404", description = "PRODUCT_NOT_FOUND", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "PRODUCT_NOT_FOUND", value = PRODUCT_NOT_FOUND)))
    @Secured({Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER})
    ProductResponse get(@PathVariable @Pattern(regexp = Sku.PATTERN, message = Sku.MESSAGE) String sku) {
        return view(service.get(sku));
    }

    @Patch("/{sku}")
    @Operation(operationId = "updateProduct", summary = "Change a product's name or price; absent fields stay")
    @JsonBody
    @ApiResponse(responseCode = "404", description = "PRODUCT_NOT_FOUND", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "PRODUCT_NOT_FOUND", value = PRODUCT_NOT_FOUND)))
    ProductResponse update(@PathVariable @Pattern(regexp = Sku.PATTERN, message = Sku.MESSAGE) String sku,
                           @Body @Valid UpdateProductRequest request) {
        return view(service.update(sku, request));
    }

    @Put("/{sku}/stock")
    @Operation(operationId = "setProductStock", summary = "Set the free stock (>= 0)")
    @JsonBody
    @ApiResponse(responseCode = "404", description = "PRODUCT_NOT_FOUND", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "PRODUCT_NOT_FOUND", value = PRODUCT_NOT_FOUND)))
    ProductResponse setStock(@PathVariable @Pattern(regexp = Sku.PATTERN, message = Sku.MESSAGE) String sku,
                             @Body @Valid SetStockRequest request) {
        return view(service.setAvailable(sku, request.available()));
    }

    @Get("/{sku}/availability")
    @Operation(operationId = "getProductAvailability", summary = "Whether a quantity is free to reserve now")
    @InvalidRequest
    @ApiResponse(responseCode = "404", description = "PRODUCT_NOT_FOUND", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "PRODUCT_NOT_FOUND", value = PRODUCT_NOT_FOUND)))
    @Secured({Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER})
    AvailabilityResponse availability(@PathVariable @Pattern(regexp = Sku.PATTERN, message = Sku.MESSAGE) String sku,
                                      @QueryValue @Min(1) int quantity) {
        return AvailabilityResponse.of(service.get(sku), quantity);
    }

    private ProductResponse view(Product product) {
        return ProductResponse.of(product, currency);
    }
}
