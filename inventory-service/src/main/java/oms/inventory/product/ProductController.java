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
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import oms.chassis.security.Roles;
import oms.inventory.InventorySettings;

import java.net.URI;
import java.util.List;

@Tag(name = "products")
@Controller("/api/v1/products")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class ProductController {

    private final ProductService service;
    private final String currency;

    ProductController(ProductService service, InventorySettings settings) {
        this.service = service;
        this.currency = settings.currency();
    }

    @Post
    HttpResponse<ProductResponse> create(@Body @Valid CreateProductRequest request) {
        Product product = service.create(request);
        return HttpResponse.created(view(product), URI.create("/api/v1/products/" + product.sku()));
    }

    @Get
    @Secured({Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER})
    List<ProductResponse> list(@QueryValue(defaultValue = "0") @Min(0) int page,
                               @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        return service.list(page, size).stream().map(this::view).toList();
    }

    @Get("/{sku}")
    @Secured({Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER})
    ProductResponse get(@PathVariable @Pattern(regexp = Sku.PATTERN, message = Sku.MESSAGE) String sku) {
        return view(service.get(sku));
    }

    @Patch("/{sku}")
    ProductResponse update(@PathVariable @Pattern(regexp = Sku.PATTERN, message = Sku.MESSAGE) String sku,
                           @Body @Valid UpdateProductRequest request) {
        return view(service.update(sku, request));
    }

    @Put("/{sku}/stock")
    ProductResponse setStock(@PathVariable @Pattern(regexp = Sku.PATTERN, message = Sku.MESSAGE) String sku,
                             @Body @Valid SetStockRequest request) {
        return view(service.setAvailable(sku, request.available()));
    }

    @Get("/{sku}/availability")
    @Secured({Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER})
    AvailabilityResponse availability(@PathVariable @Pattern(regexp = Sku.PATTERN, message = Sku.MESSAGE) String sku,
                                      @QueryValue @Min(1) int quantity) {
        return AvailabilityResponse.of(service.get(sku), quantity);
    }

    private ProductResponse view(Product product) {
        return ProductResponse.of(product, currency);
    }
}
