package vn.ansinh.reporting.rest;

import java.util.ArrayList;
import java.util.List;

import static vn.ansinh.platform.security.Roles.AGENCY;
import static vn.ansinh.platform.security.Roles.APPROVER;
import static vn.ansinh.platform.security.Roles.COMMUNE_OFFICER;
import static vn.ansinh.platform.security.Roles.DISTRICT_OFFICER;
import static vn.ansinh.platform.security.Roles.INSPECTOR;
import static vn.ansinh.platform.security.Roles.PROVINCE_OFFICER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.ansinh.reporting.domain.AreaCount;
import vn.ansinh.reporting.service.IndicatorQueries;

@RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER, APPROVER, INSPECTOR, AGENCY })
@Path("/api/indicators")
public class IndicatorResource {

    private final IndicatorQueries queries;

    public IndicatorResource(IndicatorQueries queries) {
        this.queries = queries;
    }

    public record RegisteredHouseholds(long total, List<AreaCount> areas) {
    }

    /** Households in the registry, per commune. */
    @GET
    @Path("/registered-households")
    public RegisteredHouseholds registeredHouseholds() {
        List<AreaCount> areas = queries.registeredByArea();
        return new RegisteredHouseholds(areas.stream().mapToLong(AreaCount::households).sum(), areas);
    }

    @GET
    @Path("/{indicator}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An indicator's current values, as its reporting topic carries them",
            description = "indicator: poverty-rate, health-insurance-coverage, loans, housing, training, "
                    + "budget-execution. Ordered by year, then province, districts, communes.")
    public IndicatorQueries.Page find(@PathParam("indicator") String indicator,
            @QueryParam("year") Integer year,
            @Parameter(description = "PROVINCE, DISTRICT or COMMUNE") @QueryParam("level") String level,
            @QueryParam("area") String area,
            @Parameter(description = "the district whose communes to list") @QueryParam("parent") String parent,
            @Parameter(description = "ALL, ETHNIC_MINORITY or MERIT_FAMILY (poverty-rate); the programme "
                    + "(budget-execution)") @QueryParam("group") String group,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("500") int size) {
        return queries.find(indicator, new IndicatorQueries.Filter(year, level, area, parent, group), page, size);
    }

    @GET
    @Path("/{indicator}.csv")
    @Produces("text/csv")
    @Operation(summary = "The same values as CSV (UTF-8, one column per field, every page)")
    public Response csv(@PathParam("indicator") String indicator, @QueryParam("year") Integer year,
            @QueryParam("level") String level, @QueryParam("area") String area, @QueryParam("parent") String parent,
            @QueryParam("group") String group) {
        IndicatorQueries.Filter filter = new IndicatorQueries.Filter(year, level, area, parent, group);
        List<String> columns = queries.columns(indicator);
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append("\r\n");
        int page = 0;
        IndicatorQueries.Page values;
        do {
            values = queries.find(indicator, filter, page++, IndicatorQueries.MAX_PAGE_SIZE);
            for (ObjectNode value : values.items()) {
                List<String> cells = new ArrayList<>(columns.size());
                for (String column : columns) {
                    cells.add(cell(value.get(column)));
                }
                csv.append(String.join(",", cells)).append("\r\n");
            }
        } while ((long) page * IndicatorQueries.MAX_PAGE_SIZE < values.total());
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + indicator + ".csv\"").build();
    }

    private static String cell(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        String text = value.asText();
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
