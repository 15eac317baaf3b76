package vn.ansinh.households.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import vn.ansinh.households.domain.Area;
import vn.ansinh.households.service.AreaService;
import vn.ansinh.platform.problem.ProblemException;

/** Administrative units: province, districts, communes. */
@Path("/api/areas")
public class AreaResource {

    private final AreaService areas;

    public AreaResource(AreaService areas) {
        this.areas = areas;
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
