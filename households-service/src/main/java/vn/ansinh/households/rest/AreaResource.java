package vn.ansinh.households.rest;

import java.time.LocalDate;
import java.util.List;

import java.time.Instant;

import static vn.ansinh.platform.security.Roles.AGENCY;
import static vn.ansinh.platform.security.Roles.APPROVER;
import static vn.ansinh.platform.security.Roles.COMMUNE_OFFICER;
import static vn.ansinh.platform.security.Roles.DISTRICT_OFFICER;
import static vn.ansinh.platform.security.Roles.INSPECTOR;
import static vn.ansinh.platform.security.Roles.PROVINCE_OFFICER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import vn.ansinh.households.domain.Area;
import vn.ansinh.households.domain.AreaChange;
import vn.ansinh.households.service.AreaChangeService;
import vn.ansinh.households.service.AreaService;
import vn.ansinh.platform.problem.ProblemException;
import vn.ansinh.platform.security.Caller;

/** Administrative units: province, districts, communes. */
@RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER, APPROVER, INSPECTOR, AGENCY })
@Path("/api/areas")
public class AreaResource {

    private final AreaService areas;
    private final AreaChangeService changes;
    private final Caller actor;

    public AreaResource(AreaService areas, AreaChangeService changes, Caller actor) {
        this.areas = areas;
        this.changes = changes;
        this.actor = actor;
    }

    /** A renaming ({@code newName}), a move ({@code newParentCode}) or a merger ({@code successorCode}). */
    public record AreaChangeRequest(@NotNull AreaChange.Kind kind, @NotNull LocalDate effectiveDate, String newName,
            String newParentCode, String successorCode) {
    }

    public record AreaChangeView(String areaCode, AreaChange.Kind kind, LocalDate effectiveDate, String oldName,
            String newName, String oldParent, String newParent, String successorCode, Instant recordedAt,
            String recordedBy, Integer householdsMoved) {

        static AreaChangeView of(AreaChange c, Integer householdsMoved) {
            return new AreaChangeView(c.areaCode(), c.kind(), c.effectiveDate(), c.oldName(), c.newName(),
                    c.oldParent(), c.newParent(), c.successorCode(), c.recordedAt(), c.recordedBy(), householdsMoved);
        }
    }

    /**
     * Renames, moves or merges a unit from a date. A merged commune's households move to its
     * successor; surveys keep the commune of their year.
     */
    @POST
    @Path("/{code}/changes")
    @RolesAllowed(PROVINCE_OFFICER)
    public Response change(@PathParam("code") String code, @NotNull @Valid AreaChangeRequest request) {
        AreaChangeService.Result result = changes.change(code, new AreaChangeService.Request(request.kind(),
                request.effectiveDate(), request.newName(), request.newParentCode(), request.successorCode()),
                actor.name());
        return Response.status(201).entity(AreaChangeView.of(result.change(), result.householdsMoved())).build();
    }

    /** The history of a unit: its renamings, moves and merger, oldest first. */
    @GET
    @Path("/{code}/changes")
    public List<AreaChangeView> history(@PathParam("code") String code) {
        return changes.history(code).stream().map(c -> AreaChangeView.of(c, null)).toList();
    }

    public record AreaView(String code, String name, Area.Level level, String parentCode, boolean urban,
            boolean synthetic, LocalDate validFrom, LocalDate validTo, String successorCode) {

        static AreaView of(Area a) {
            return new AreaView(a.code(), a.name(), a.level(), a.parentCode(), a.urban(), a.synthetic(), a.validFrom(),
                    a.validTo(), a.successorCode());
        }
    }

    /** Units of a level ({@code PROVINCE}, {@code DISTRICT}, {@code COMMUNE}) or the children of a unit. */
    @GET
    public List<AreaView> list(@QueryParam("level") String level, @QueryParam("parent") String parent) {
        if (parent != null) {
            areas.get(parent);
            return areas.children(parent).stream().map(AreaView::of).toList();
        }
        Area.Level wanted;
        try {
            wanted = level == null ? Area.Level.DISTRICT : Area.Level.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("level", "must be PROVINCE, DISTRICT or COMMUNE");
        }
        return areas.byLevel(wanted).stream().map(AreaView::of).toList();
    }

    @GET
    @Path("/{code}")
    public AreaView get(@PathParam("code") String code) {
        return AreaView.of(areas.get(code));
    }
}
