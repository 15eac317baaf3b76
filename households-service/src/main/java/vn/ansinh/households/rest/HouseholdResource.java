package vn.ansinh.households.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import vn.ansinh.households.domain.Household;
import vn.ansinh.households.service.HouseholdService;
import vn.ansinh.households.service.HouseholdService.Registration;

@Path("/api/households")
public class HouseholdResource {

    private final HouseholdService households;

    public HouseholdResource(HouseholdService households) {
        this.households = households;
    }

    /** A new household as an officer registers it. */
    public record RegisterHousehold(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "may contain only letters, digits, '.', '_' and '-'") String code,
            @NotNull @Pattern(regexp = "\\d{5}", message = "must be the 5-digit General Statistics Office code of a commune") String areaCode,
            @NotBlank @Size(max = 300) String address,
            @NotBlank @Size(max = 120) String headName) {
    }

    public record HouseholdView(UUID id, String code, String areaCode, String address, String headName,
            Instant createdAt, String createdBy) {

        static HouseholdView of(Household household) {
            return new HouseholdView(household.id(), household.code(), household.areaCode(), household.address(),
                    household.headName(), household.createdAt(), household.createdBy());
        }
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    @POST
    public Response register(@NotNull @Valid RegisterHousehold request) {
        // until authentication lands (issue 6) every change is recorded as made by the local officer
        Household household = households.register(
                new Registration(request.code(), request.areaCode(), request.address(), request.headName()),
                "local-officer");
        return Response.created(URI.create("/api/households/" + household.id())).entity(HouseholdView.of(household))
                .build();
    }

    @GET
    @Path("/{id}")
    public HouseholdView get(@PathParam("id") UUID id) {
        return HouseholdView.of(households.get(id));
    }

    @GET
    public Page<HouseholdView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return new Page<>(households.list(page, size).stream().map(HouseholdView::of).toList(), page, size,
                households.count());
    }
}
