package oms.inventory.reservation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import oms.chassis.openapi.InvalidRequest;
import oms.chassis.openapi.JsonBody;
import oms.chassis.openapi.TokenRequired;
import oms.chassis.security.Roles;
import oms.chassis.web.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import oms.chassis.web.Paging;

@Tag(name = "reservations")
@TokenRequired
@Controller("/api/v1/reservations")
@Secured({Roles.ADMIN, Roles.SERVICE})
@ExecuteOn(TaskExecutors.BLOCKING)
class ReservationController {

    private static final String RESERVATION_NOT_FOUND = """
            {"type": "https://oms.example/problems/reservation-not-found", "title": "Not Found", "status": 404,
             "detail": "No reservation with id 9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d", "code": "RESERVATION_NOT_FOUND"}""";
    private static final String RESERVATION_NOT_HELD = """
            {"type": "https://oms.example/problems/reservation-not-held", "title": "Conflict", "status": 409,
             "detail": "Reservation 9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d is RELEASED", "code": "RESERVATION_NOT_HELD"}""";
    private static final String INSUFFICIENT_STOCK = """
            {"type": "https://oms.example/problems/insufficient-stock", "title": "Unprocessable Entity", "status": 422,
             "detail": "Not enough stock for BOOK-42", "code": "INSUFFICIENT_STOCK", "skus": ["BOOK-42"]}""";
    private static final String PRODUCT_NOT_FOUND = """
            {"type": "https://oms.example/problems/product-not-found", "title": "Unprocessable Entity", "status": 422,
             "detail": "No product with sku NOPE-1", "code": "PRODUCT_NOT_FOUND", "skus": ["NOPE-1"]}""";
    private static final String RESERVATION_MISMATCH = """
            {"type": "https://oms.example/problems/reservation-mismatch", "title": "Unprocessable Entity", "status": 422,
             "detail": "Order 0b9d3c1e-6f4a-4c36-9a55-2f1d8f0e7a10 (attempt 1) was reserved with other items", "code": "RESERVATION_MISMATCH"}""";

    private final ReservationService service;
    private final ReservationMetrics metrics;

    ReservationController(ReservationService service, ReservationMetrics metrics) {
        this.service = service;
        this.metrics = metrics;
    }

    /** 201 for a new reservation, 200 with the earlier one when this (orderId, attempt) was seen before. */
    @Post
    @Operation(operationId = "reserveStock", summary = "Hold stock for an order, all items or none",
            description = "The same (orderId, attempt) again with the same items answers 200 with the same reservation.")
    @ApiResponse(responseCode = "201", description = "Held; Location names the new reservation",
            headers = @Header(name = "Location", required = true, schema = @Schema(type = "string", format = "uri-reference")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReservationResponse.class)))
    @ApiResponse(responseCode = "200", description = "The same request again: the reservation made the first time",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReservationResponse.class)))
    @JsonBody
    @ApiResponse(responseCode = "422", description = "INSUFFICIENT_STOCK (skus names the items short), PRODUCT_NOT_FOUND (an unknown sku), or RESERVATION_MISMATCH (this order attempt was reserved with other items); no stock moves", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = {@ExampleObject(name = "INSUFFICIENT_STOCK", value = INSUFFICIENT_STOCK),
                    @ExampleObject(name = "PRODUCT_NOT_FOUND", value = PRODUCT_NOT_FOUND),
                    @ExampleObject(name = "RESERVATION_MISMATCH", value = RESERVATION_MISMATCH)}))
    HttpResponse<ReservationResponse> reserve(@Body @Valid ReserveRequest request) {
        ReservationService.Outcome outcome = metrics.counted(() -> service.reserve(request));
        ReservationResponse body = ReservationResponse.of(outcome.details());
        return outcome.created()
                ? HttpResponse.created(body, URI.create("/api/v1/reservations/" + body.id()))
                : HttpResponse.ok(body);
    }

    /** 201 when the attempt had no reservation and now has an empty RELEASED one, 200 with the one it had. */
    @Post("/releases")
    @Operation(operationId = "releaseReservationAttempt", summary = "Make sure an order attempt holds no stock",
            description = "For a client that gave up on a reserve request (a timeout, say) and undoes it without "
                    + "knowing its fate. Takes the (orderId, attempt) key in one transaction, as the reserve does, "
                    + "so the two cannot miss each other. If the attempt has no reservation, an empty RELEASED "
                    + "one takes the key, and a reserve of that attempt arriving later is refused with 422 "
                    + "RESERVATION_MISMATCH and moves no stock. If it has one (a reserve still in flight is waited "
                    + "for), that one is released: HELD or COMMITTED units go back to available, a RELEASED or "
                    + "EXPIRED one is left as it is. Safe to repeat.")
    @ApiResponse(responseCode = "201", description = "The attempt had no reservation; the new one is RELEASED and has no items. "
            + "Location names it.",
            headers = @Header(name = "Location", required = true, schema = @Schema(type = "string", format = "uri-reference")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReservationResponse.class)))
    @ApiResponse(responseCode = "200", description = "The attempt's reservation, now RELEASED (or EXPIRED if it had expired)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReservationResponse.class)))
    @JsonBody
    HttpResponse<ReservationResponse> releaseAttempt(@Body @Valid ReleaseAttemptRequest request) {
        ReservationService.Outcome outcome = service.releaseAttempt(request);
        ReservationResponse body = ReservationResponse.of(outcome.details());
        return outcome.created()
                ? HttpResponse.created(body, URI.create("/api/v1/reservations/" + body.id()))
                : HttpResponse.ok(body);
    }

    @Get("/{id}")
    @Operation(operationId = "getReservation", summary = "Read one reservation")
    @InvalidRequest
    @ApiResponse(responseCode = "404", description = "RESERVATION_NOT_FOUND", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "RESERVATION_NOT_FOUND", value = RESERVATION_NOT_FOUND)))
    ReservationResponse get(@PathVariable UUID id) {
        return ReservationResponse.of(service.get(id));
    }

    /**
     * An order's reservations, oldest first. Unlike other lists this one is whole unless the client
     * pages it: the order service reconciles against every attempt, and an order has few.
     */
    @Get
    @Operation(operationId = "listReservations", summary = "An order's reservations, oldest first")
    @InvalidRequest
    List<ReservationResponse> listForOrder(@QueryValue UUID orderId,
                                           @QueryValue @Nullable @Min(0) Integer page,
                                           @QueryValue @Nullable @Min(1) @Max(100) Integer size) {
        Paging.offset(page == null ? 0 : page, size == null ? 20 : size);
        List<ReservationDetails> found = page == null && size == null
                ? service.listForOrder(orderId)
                : service.listForOrder(orderId, page == null ? 0 : page, size == null ? 20 : size);
        return found.stream().map(ReservationResponse::of).toList();
    }

    @Post("/{id}/commit")
    @Operation(operationId = "commitReservation", summary = "Sell the held units (COMMITTED); idempotent")
    @InvalidRequest
    @ApiResponse(responseCode = "404", description = "RESERVATION_NOT_FOUND", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "RESERVATION_NOT_FOUND", value = RESERVATION_NOT_FOUND)))
    @ApiResponse(responseCode = "409", description = "RESERVATION_NOT_HELD: the reservation was released or has expired", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "RESERVATION_NOT_HELD", value = RESERVATION_NOT_HELD)))
    ReservationResponse commit(@PathVariable UUID id) {
        return ReservationResponse.of(service.commit(id));
    }

    @Post("/{id}/release")
    @Operation(operationId = "releaseReservation", summary = "Put the units back (RELEASED); idempotent")
    @InvalidRequest
    @ApiResponse(responseCode = "404", description = "RESERVATION_NOT_FOUND", content = @Content(
            mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "RESERVATION_NOT_FOUND", value = RESERVATION_NOT_FOUND)))
    ReservationResponse release(@PathVariable UUID id) {
        return ReservationResponse.of(service.release(id));
    }
}
