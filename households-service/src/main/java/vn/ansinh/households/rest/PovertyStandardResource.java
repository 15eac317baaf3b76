package vn.ansinh.households.rest;

import java.net.URI;
import java.util.List;
import java.util.Set;

import static vn.ansinh.platform.security.Roles.AGENCY;
import static vn.ansinh.platform.security.Roles.APPROVER;
import static vn.ansinh.platform.security.Roles.COMMUNE_OFFICER;
import static vn.ansinh.platform.security.Roles.DISTRICT_OFFICER;
import static vn.ansinh.platform.security.Roles.INSPECTOR;
import static vn.ansinh.platform.security.Roles.PROVINCE_OFFICER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import vn.ansinh.households.domain.Classification;
import vn.ansinh.households.domain.DeprivationIndicator;
import vn.ansinh.households.domain.IncomeLines;
import vn.ansinh.households.domain.PovertyStandard;
import vn.ansinh.households.service.PovertyStandardService.NewStandard;
import vn.ansinh.households.service.PovertyStandardService;
import vn.ansinh.platform.security.Caller;

/** The national poverty standards, one per period, as data. */
@RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER, APPROVER, INSPECTOR, AGENCY })
@Path("/api/poverty-standards")
public class PovertyStandardResource {

    private final PovertyStandardService standards;
    private final Caller actor;

    public PovertyStandardResource(PovertyStandardService standards, Caller actor) {
        this.standards = standards;
        this.actor = actor;
    }

    public record Lines(@PositiveOrZero Long extremePoor, @NotNull @PositiveOrZero Long poor,
            @NotNull @PositiveOrZero Long nearPoor, @NotNull @PositiveOrZero Long average) {

        IncomeLines toLines() {
            return new IncomeLines(extremePoor, poor, nearPoor, average);
        }
    }

    public record Indicator(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be an upper-case code such as HEALTH_INSURANCE") String code,
            @NotBlank String dimension, @NotBlank String nameVi, @NotBlank String nameEn) {
    }

    public record CreateStandard(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "may contain only letters, digits, '.', '_' and '-'") String id,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String legalBasis,
            @NotNull @Min(2000) @Max(2100) Integer firstSurveyYear,
            @NotNull @Min(2000) @Max(2100) Integer lastSurveyYear,
            @NotNull @Valid Lines rural,
            @NotNull @Valid Lines urban,
            @NotNull @Min(1) Integer minDeprivationsPoor,
            @NotEmpty @Size(max = 40) List<@NotNull @Valid Indicator> indicators) {
    }

    public record StandardView(String id, String name, String legalBasis, int firstSurveyYear, int lastSurveyYear,
            IncomeLines rural, IncomeLines urban, int minDeprivationsPoor, List<DeprivationIndicator> indicators) {

        static StandardView of(PovertyStandard s) {
            return new StandardView(s.id(), s.name(), s.legalBasis(), s.firstSurveyYear(), s.lastSurveyYear(),
                    s.rural(), s.urban(), s.minDeprivationsPoor(), s.indicators());
        }
    }

    public record WhatIf(@NotNull @PositiveOrZero Long incomePerPersonMonth, @NotNull Set<@NotBlank String> deprivations,
            boolean urban) {
    }

    public record ClassificationView(String category, String categoryLabel, int deprivationCount, String standardId,
            String reason) {
    }

    @GET
    public List<StandardView> all() {
        return standards.all().stream().map(StandardView::of).toList();
    }

    @GET
    @Path("/{id}")
    public StandardView get(@PathParam("id") String id) {
        return StandardView.of(standards.get(id));
    }

    /** Adds the standard of a new period. */
    @POST
    @RolesAllowed(PROVINCE_OFFICER)
    public Response create(@NotNull @Valid CreateStandard request) {
        List<DeprivationIndicator> indicators = new java.util.ArrayList<>();
        for (int i = 0; i < request.indicators().size(); i++) {
            Indicator indicator = request.indicators().get(i);
            indicators.add(new DeprivationIndicator(indicator.code(), i + 1, indicator.dimension(), indicator.nameVi(),
                    indicator.nameEn()));
        }
        PovertyStandard created = standards.create(new NewStandard(request.id(), request.name(), request.legalBasis(),
                request.firstSurveyYear(), request.lastSurveyYear(), request.rural().toLines(),
                request.urban().toLines(), request.minDeprivationsPoor(), indicators), actor.name());
        return Response.created(URI.create("/api/poverty-standards/" + created.id()))
                .entity(StandardView.of(created)).build();
    }

    /** What a household with these answers would be under this standard; records nothing. */
    @POST
    @Path("/{id}/classification")
    public ClassificationView classify(@PathParam("id") String id, @NotNull @Valid WhatIf request) {
        Classification c = standards.classify(standards.get(id), request.incomePerPersonMonth(),
                request.deprivations(), request.urban());
        return new ClassificationView(c.category().name(), c.category().label(), c.deprivationCount(), c.standardId(),
                c.reason());
    }
}
