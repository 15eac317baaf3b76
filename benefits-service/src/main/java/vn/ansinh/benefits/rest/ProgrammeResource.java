package vn.ansinh.benefits.rest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static vn.ansinh.platform.security.Roles.AGENCY;
import static vn.ansinh.platform.security.Roles.APPROVER;
import static vn.ansinh.platform.security.Roles.COMMUNE_OFFICER;
import static vn.ansinh.platform.security.Roles.DISTRICT_OFFICER;
import static vn.ansinh.platform.security.Roles.INSPECTOR;
import static vn.ansinh.platform.security.Roles.PROVINCE_OFFICER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import vn.ansinh.benefits.domain.Catalogue;
import vn.ansinh.benefits.domain.Parameter;
import vn.ansinh.benefits.domain.Programme;
import vn.ansinh.benefits.domain.Standing;
import vn.ansinh.benefits.service.CatalogueService;

/** The programme catalogue: programmes with their dated rules, and the dated amounts. */
@RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER, APPROVER, INSPECTOR, AGENCY })
@Path("/api")
public class ProgrammeResource {

    private final CatalogueService catalogue;

    public ProgrammeResource(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    public record RuleView(Standing standing, LocalDate validFrom, boolean eligible, int stateSharePct,
            int provinceSharePct) {
    }

    public record ProgrammeView(String code, String nameVi, String nameEn, Programme.Beneficiary beneficiary,
            Programme.Period period, boolean automatic, String legalBasis, List<RuleView> rules) {
    }

    public record ParameterView(String name, LocalDate validFrom, long value, String unit, String legalBasis) {

        static ParameterView of(Parameter p) {
            return new ParameterView(p.name(), p.validFrom(), p.value(), p.unit(), p.legalBasis());
        }
    }

    public record NewParameterValue(@NotBlank String name, @NotNull LocalDate validFrom, @NotNull @PositiveOrZero Long value,
            @NotBlank @Size(max = 200) String legalBasis) {
    }

    @GET
    @Path("/programmes")
    public List<ProgrammeView> programmes() {
        Catalogue current = catalogue.current();
        return current.programmes().stream().map(p -> new ProgrammeView(p.code(), p.nameVi(), p.nameEn(),
                p.beneficiary(), p.period(), p.automatic(), p.legalBasis(), current.rules().stream()
                        .filter(r -> r.programmeCode().equals(p.code()))
                        .map(r -> new RuleView(r.standing(), r.validFrom(), r.eligible(), r.stateSharePct(),
                                r.provinceSharePct()))
                        .toList()))
                .toList();
    }

    /** Every dated amount (base salary, card rate, electricity and study support), oldest first. */
    @GET
    @Path("/parameters")
    public List<ParameterView> parameters() {
        return catalogue.current().parameters().stream().map(ParameterView::of).toList();
    }

    /** A new value of an amount from a date (today or later). */
    @POST
    @Path("/parameters")
    @RolesAllowed(PROVINCE_OFFICER)
    public Response setParameter(@NotNull @Valid NewParameterValue request) {
        Parameter parameter = catalogue.setParameter(request.name(), request.validFrom(), request.value(),
                request.legalBasis(), LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
        return Response.status(201).entity(ParameterView.of(parameter)).build();
    }
}
