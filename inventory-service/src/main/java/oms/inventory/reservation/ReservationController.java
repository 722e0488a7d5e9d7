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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import oms.chassis.security.Roles;
import oms.chassis.web.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Tag(name = "reservations")
@Controller("/api/v1/reservations")
@Secured({Roles.ADMIN, Roles.SERVICE})
@ExecuteOn(TaskExecutors.BLOCKING)
class ReservationController {

    private final ReservationService service;

    ReservationController(ReservationService service) {
        this.service = service;
    }

    /** 201 for a new reservation, 200 with the earlier one when this (orderId, attempt) was seen before. */
    @Post
    HttpResponse<ReservationResponse> reserve(@Body @Valid ReserveRequest request) {
        ReservationService.Outcome outcome = service.reserve(request);
        ReservationResponse body = ReservationResponse.of(outcome.details());
        return outcome.created()
                ? HttpResponse.created(body, URI.create("/api/v1/reservations/" + body.id()))
                : HttpResponse.ok(body);
    }

    /** 201 when the attempt had no reservation and now has an empty RELEASED one, 200 with the one it had. */
    @Post("/releases")
    @Operation(summary = "Make sure an order attempt holds no stock",
            description = "For a client that gave up on a reserve request (a timeout, say) and undoes it without "
                    + "knowing its fate. Takes the (orderId, attempt) key in one transaction, as the reserve does, "
                    + "so the two cannot miss each other. If the attempt has no reservation, an empty RELEASED "
                    + "one takes the key, and a reserve of that attempt arriving later is refused with 422 "
                    + "RESERVATION_MISMATCH and moves no stock. If it has one (a reserve still in flight is waited "
                    + "for), that one is released: HELD or COMMITTED units go back to available, a RELEASED or "
                    + "EXPIRED one is left as it is. Safe to repeat.")
    @ApiResponse(responseCode = "201", description = "The attempt had no reservation; the new one is RELEASED and has no items. "
            + "Location names it.", content = @Content(schema = @Schema(implementation = ReservationResponse.class)))
    @ApiResponse(responseCode = "200", description = "The attempt's reservation, now RELEASED (or EXPIRED if it had expired)",
            content = @Content(schema = @Schema(implementation = ReservationResponse.class)))
    @ApiResponse(responseCode = "400", description = "INVALID_REQUEST: malformed JSON, a missing or malformed orderId, "
            + "an attempt that is not a whole number >= 1",
            content = @Content(mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<ReservationResponse> releaseAttempt(@Body @Valid ReleaseAttemptRequest request) {
        ReservationService.Outcome outcome = service.releaseAttempt(request);
        ReservationResponse body = ReservationResponse.of(outcome.details());
        return outcome.created()
                ? HttpResponse.created(body, URI.create("/api/v1/reservations/" + body.id()))
                : HttpResponse.ok(body);
    }

    @Get("/{id}")
    ReservationResponse get(@PathVariable UUID id) {
        return ReservationResponse.of(service.get(id));
    }

    /**
     * An order's reservations, oldest first. Unlike other lists this one is whole unless the client
     * pages it: the order service reconciles against every attempt, and an order has few.
     */
    @Get
    List<ReservationResponse> listForOrder(@QueryValue UUID orderId,
                                           @QueryValue @Nullable @Min(0) Integer page,
                                           @QueryValue @Nullable @Min(1) @Max(100) Integer size) {
        List<ReservationDetails> found = page == null && size == null
                ? service.listForOrder(orderId)
                : service.listForOrder(orderId, page == null ? 0 : page, size == null ? 20 : size);
        return found.stream().map(ReservationResponse::of).toList();
    }

    @Post("/{id}/commit")
    ReservationResponse commit(@PathVariable UUID id) {
        return ReservationResponse.of(service.commit(id));
    }

    @Post("/{id}/release")
    ReservationResponse release(@PathVariable UUID id) {
        return ReservationResponse.of(service.release(id));
    }
}
