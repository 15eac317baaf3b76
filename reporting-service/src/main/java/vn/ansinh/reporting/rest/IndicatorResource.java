package vn.ansinh.reporting.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import vn.ansinh.reporting.domain.AreaCount;
import vn.ansinh.reporting.service.RegisteredHouseholdsService;

@Path("/api/indicators")
public class IndicatorResource {

    private final RegisteredHouseholdsService registered;

    public IndicatorResource(RegisteredHouseholdsService registered) {
        this.registered = registered;
    }

    public record RegisteredHouseholds(long total, List<AreaCount> areas) {
    }

    /** Households in the registry, per commune. */
    @GET
    @Path("/registered-households")
    public RegisteredHouseholds registeredHouseholds() {
        List<AreaCount> areas = registered.byArea();
        return new RegisteredHouseholds(areas.stream().mapToLong(AreaCount::households).sum(), areas);
    }
}
