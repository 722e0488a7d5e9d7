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
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Tag(name = "reservations")
@Controller("/api/v1/reservations")
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
