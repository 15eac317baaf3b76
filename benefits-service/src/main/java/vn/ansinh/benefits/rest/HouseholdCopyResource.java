package vn.ansinh.benefits.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import vn.ansinh.benefits.domain.Household;
import vn.ansinh.benefits.service.HouseholdCopyService;

/** What benefits-service knows of a registry household: lets officers see whether a change has arrived. */
@Path("/api/households")
public class HouseholdCopyResource {

    private final HouseholdCopyService households;

    public HouseholdCopyResource(HouseholdCopyService households) {
        this.households = households;
    }

    public record HouseholdCopy(UUID id, String code, String areaCode, Instant registeredAt, Instant updatedAt) {
    }

    @GET
    @Path("/{id}")
    public HouseholdCopy get(@PathParam("id") UUID id) {
        Household household = households.get(id);
        return new HouseholdCopy(household.id(), household.code(), household.areaCode(), household.registeredAt(),
                household.updatedAt());
    }
}
