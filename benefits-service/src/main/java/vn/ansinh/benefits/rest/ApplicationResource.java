package vn.ansinh.benefits.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import vn.ansinh.benefits.domain.Application;
import vn.ansinh.benefits.domain.ApplicationMovement;
import vn.ansinh.benefits.domain.FundingSource;
import vn.ansinh.benefits.domain.Standing;
import vn.ansinh.benefits.service.ApplicationService;
import vn.ansinh.benefits.service.BenefitsAccess;
import vn.ansinh.platform.security.Caller;

/** Applications for loans, housing, vocational training and livelihood support, step by step. */
@RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER, APPROVER, INSPECTOR, AGENCY })
@Path("/api/applications")
public class ApplicationResource {

    private static final ZoneId PROVINCE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ApplicationService applications;
    private final Caller actor;
    private final BenefitsAccess access;

    public ApplicationResource(ApplicationService applications, Caller actor, BenefitsAccess access) {
        this.applications = applications;
        this.actor = actor;
        this.access = access;
    }

    public record NewApplication(@NotBlank String programme, @NotNull UUID householdId, UUID memberId,
            @NotNull FundingSource fundingSource, @Positive Long amountVnd, String kind, Integer termMonths) {
    }

    public record Decision(@NotNull Boolean approve, @Size(max = 500) String note) {
    }

    public record OnDate(@NotNull @PastOrPresent LocalDate on) {
    }

    public record StageAccepted(@NotNull Application.Stage stage, @NotNull @PastOrPresent LocalDate on) {
    }

    public record Repayment(@NotNull @Positive Long amountVnd, @NotNull @PastOrPresent LocalDate on) {
    }

    public record Placement(@NotBlank @Size(max = 200) String employer) {
    }

    public record MovementView(ApplicationMovement.Kind kind, String label, long amountVnd, LocalDate on,
            Instant recordedAt, String recordedBy) {
    }

    public record ApplicationView(UUID id, String programme, UUID householdId, UUID memberId, Standing standing,
            FundingSource fundingSource, long amountVnd, String kind, Integer termMonths, Integer rateBp,
            Application.Status status, long disbursedVnd, long repaidVnd, long outstandingVnd,
            List<String> stagesAccepted, Application.Stage nextStage, String employer, String note, Instant submittedAt,
            String submittedBy, Instant decidedAt, String decidedBy, List<MovementView> movements,
            List<Application.Instalment> schedule) {
    }

    private ApplicationView view(Application a) {
        List<ApplicationMovement> movements = applications.movements(a.id());
        List<Application.Instalment> schedule = a.programmeCode().equals("PREFERENTIAL_LOAN")
                && a.disbursedVnd() > 0 ? a.schedule(movements.get(0).onDate()) : List.of();
        return new ApplicationView(a.id(), a.programmeCode(), a.householdId(), a.memberId(), a.standing(),
                a.fundingSource(), a.amountVnd(), a.kind(), a.termMonths(), a.rateBp(), a.status(), a.disbursedVnd(),
                a.repaidVnd(), a.outstandingVnd(), a.stagesAccepted(),
                a.programmeCode().equals("HOUSING") ? a.nextStage() : null, a.employer(), a.note(), a.submittedAt(),
                a.submittedBy(), a.decidedAt(), a.decidedBy(), movements.stream().map(m -> new MovementView(m.kind(),
                        m.label(), m.amountVnd(), m.onDate(), m.recordedAt(), m.recordedBy())).toList(), schedule);
    }

    /**
     * Applies: a loan ({@code amountVnd}, {@code termMonths}; the rate follows the household's
     * standing), housing ({@code kind}: NEW_BUILD or REPAIR; the amount is the dated grant),
     * training ({@code memberId}, {@code amountVnd}: the course fee) or livelihood support.
     */
    @POST
    @RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER })
    public Response submit(@NotNull @Valid NewApplication request) {
        access.household(request.householdId());
        Application application = applications.submit(new ApplicationService.Request(request.programme(),
                request.householdId(), request.memberId(), request.fundingSource(), request.amountVnd(),
                request.kind(), request.termMonths()), LocalDate.now(PROVINCE), actor.name());
        return Response.created(URI.create("/api/applications/" + application.id())).entity(view(application)).build();
    }

    @GET
    public List<ApplicationView> search(@QueryParam("household") UUID household,
            @QueryParam("area") @Size(max = 10) String area,
            @QueryParam("programme") String programme, @QueryParam("status") Application.Status status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        if (household != null) {
            access.household(household);
        }
        return applications.search(household, access.searchArea(area), programme, status, page, size).stream()
                .map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    public ApplicationView get(@PathParam("id") UUID id) {
        return view(access.application(id));
    }

    /** Approves or rejects; not by the officer who submitted it. */
    @POST
    @Path("/{id}/decision")
    @RolesAllowed(APPROVER)
    public ApplicationView decide(@PathParam("id") UUID id, @NotNull @Valid Decision request) {
        access.application(id);
        return view(applications.decide(id, request.approve(), request.note(), actor.name()));
    }

    /** Pays out a loan or livelihood grant, or enrols a trainee (pays the course fee). */
    @POST
    @Path("/{id}/disbursement")
    @RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER })
    public ApplicationView disburse(@PathParam("id") UUID id, @NotNull @Valid OnDate request) {
        access.application(id);
        return view(applications.disburse(id, request.on(), actor.name()));
    }

    /** A construction stage accepted: FOUNDATION (30%), WALLS_AND_ROOF (40%), COMPLETED (the rest). */
    @POST
    @Path("/{id}/stages")
    @RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER })
    public ApplicationView acceptStage(@PathParam("id") UUID id, @NotNull @Valid StageAccepted request) {
        access.application(id);
        return view(applications.acceptStage(id, request.stage(), request.on(), actor.name()));
    }

    @POST
    @Path("/{id}/repayments")
    @RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER })
    public ApplicationView repay(@PathParam("id") UUID id, @NotNull @Valid Repayment request) {
        access.application(id);
        return view(applications.repay(id, request.amountVnd(), request.on(), actor.name()));
    }

    @POST
    @Path("/{id}/completion")
    @RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER })
    public ApplicationView complete(@PathParam("id") UUID id) {
        access.application(id);
        return view(applications.completeTraining(id, actor.name()));
    }

    @POST
    @Path("/{id}/placement")
    @RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER })
    public ApplicationView place(@PathParam("id") UUID id, @NotNull @Valid Placement request) {
        access.application(id);
        return view(applications.place(id, request.employer(), actor.name()));
    }
}
