package vn.ansinh.households.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import vn.ansinh.households.domain.Household;
import vn.ansinh.households.domain.HouseholdFilter;
import vn.ansinh.households.domain.Member;
import vn.ansinh.households.domain.PovertyCategory;
import vn.ansinh.households.domain.Survey;
import vn.ansinh.households.rest.HouseholdViews.HouseholdView;
import vn.ansinh.households.rest.HouseholdViews.HouseholdWithMembers;
import vn.ansinh.households.rest.HouseholdViews.MemberView;
import vn.ansinh.households.rest.HouseholdViews.SurveyView;
import vn.ansinh.households.service.AuditLog;
import vn.ansinh.households.service.RegistryAccess;
import vn.ansinh.households.service.HouseholdService.Registration;
import vn.ansinh.households.service.HouseholdService.SearchResult;
import vn.ansinh.households.service.HouseholdService;
import vn.ansinh.platform.problem.ProblemException;
import vn.ansinh.platform.security.Caller;
import vn.ansinh.platform.security.PersonalDataAudit;
import vn.ansinh.platform.security.PersonalField;

/**
 * The household registry: households, their members, their surveys and their history. Every
 * role reads (within its area); officers change; personal data is masked unless the role grants it.
 */
@Path("/api/households")
@RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER, APPROVER, INSPECTOR, AGENCY })
public class HouseholdResource {

    private static final String CODE = "[A-Za-z0-9._-]+";
    private static final String COMMUNE = "\\d{5}";
    private static final String COMMUNE_MESSAGE = "must be the 5-digit General Statistics Office code of a commune";

    private final HouseholdService households;
    private final AuditLog audit;
    private final Caller actor;
    private final RegistryAccess access;
    private final PersonalDataAudit personalData;

    public HouseholdResource(HouseholdService households, AuditLog audit, Caller actor, RegistryAccess access,
            PersonalDataAudit personalData) {
        this.households = households;
        this.audit = audit;
        this.actor = actor;
        this.access = access;
        this.personalData = personalData;
    }

    public record MemberRequest(
            @NotBlank @Size(max = 120) String fullName,
            @Pattern(regexp = "\\d{12}", message = "must be 12 digits") String citizenId,
            @NotNull @PastOrPresent LocalDate dateOfBirth,
            @NotNull Member.Sex sex,
            @NotNull Member.Relation relationToHead,
            @NotBlank @Size(max = 40) String ethnicity,
            boolean disability,
            boolean schoolEnrolled,
            @Size(max = 60) String socialProtectionType) {

        Member.Details details() {
            return new Member.Details(fullName.strip(), citizenId, dateOfBirth, sex, relationToHead, ethnicity.strip(),
                    disability, schoolEnrolled, socialProtectionType);
        }
    }

    public record RegisterHousehold(
            @NotBlank @Size(max = 40) @Pattern(regexp = CODE, message = "may contain only letters, digits, '.', '_' and '-'") String code,
            @NotNull @Pattern(regexp = COMMUNE, message = COMMUNE_MESSAGE) String areaCode,
            @NotBlank @Size(max = 300) String address,
            @NotBlank @Size(max = 120) String headName,
            boolean ethnicMinority,
            boolean meritFamily,
            @Size(max = 50) List<@NotNull @Valid MemberRequest> members) {
    }

    public record UpdateHousehold(
            @NotNull @Pattern(regexp = COMMUNE, message = COMMUNE_MESSAGE) String areaCode,
            @NotBlank @Size(max = 300) String address,
            @NotBlank @Size(max = 120) String headName,
            boolean ethnicMinority,
            boolean meritFamily) {

        Household.Details details() {
            return new Household.Details(areaCode, address.strip(), headName.strip(), ethnicMinority, meritFamily);
        }
    }

    public record MemberDeparture(@NotNull @PastOrPresent LocalDate leftOn, @NotNull Member.LeftReason reason) {
    }

    public record MemberMove(@NotNull UUID toHouseholdId, @NotNull @PastOrPresent LocalDate movedOn,
            @NotNull Member.Relation relationToHead) {
    }

    public record SurveyAnswers(
            @NotNull @PositiveOrZero Long incomePerPersonMonth,
            @NotNull @Size(max = 30) Set<@NotBlank String> deprivations) {
    }

    public record AuditView(java.time.Instant at, String actor, String action, String before, String after) {
    }

    @POST
    @RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER })
    public Response register(@NotNull @Valid RegisterHousehold request) {
        access.requireWithin("areaCode", request.areaCode());
        List<Member.Details> members = request.members() == null ? List.of()
                : request.members().stream().map(MemberRequest::details).toList();
        Household household = households.register(new Registration(request.code(), new Household.Details(
                request.areaCode(), request.address().strip(), request.headName().strip(), request.ethnicMinority(),
                request.meritFamily()), members), actor.name());
        return Response.created(URI.create("/api/households/" + household.id()))
                .entity(new HouseholdWithMembers(HouseholdView.of(household), visibleMembers(household.id())))
                .build();
    }

    @GET
    @Path("/{id}")
    public HouseholdWithMembers get(@PathParam("id") UUID id) {
        return new HouseholdWithMembers(HouseholdView.of(access.household(id)), visibleMembers(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER })
    public HouseholdView update(@PathParam("id") UUID id, @NotNull @Valid UpdateHousehold request) {
        access.household(id);
        access.requireWithin("areaCode", request.areaCode());
        return HouseholdView.of(households.update(id, request.details(), actor.name()));
    }

    /** Search the registry; every filter is optional. */
    @GET
    public Page<HouseholdView> search(
            @QueryParam("area") String area,
            @QueryParam("category") String category,
            @QueryParam("year") @Min(2000) @Max(2100) Integer year,
            @QueryParam("name") @Size(min = 2, max = 120) String name,
            @QueryParam("citizenId") @Pattern(regexp = "\\d{12}", message = "must be 12 digits") String citizenId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        PovertyCategory wanted = null;
        if (category != null) {
            try {
                wanted = PovertyCategory.valueOf(category);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("category", "must be one of POOR, NEAR_POOR, "
                        + "AVERAGE_LIVING_STANDARD, NOT_POOR");
            }
            if (year == null) {
                throw ProblemException.invalid("year", "is needed with category: a category belongs to a survey year");
            }
        }
        if (citizenId != null && !actor.personalFields().contains(PersonalField.CITIZEN_ID)) {
            throw new ProblemException(403, "Forbidden", "Your role does not grant citizen IDs, so it cannot search by one.",
                    List.of());
        }
        SearchResult result = households.search(
                new HouseholdFilter(access.searchArea(area), wanted, year, name, citizenId), page, size);
        if (citizenId != null) {
            personalData.reveal("household", result.households().stream().map(Household::id).toList());
        }
        return new Page<>(result.households().stream().map(HouseholdView::of).toList(), page, size, result.total());
    }

    @GET
    @Path("/{id}/members")
    public List<MemberView> members(@PathParam("id") UUID id) {
        access.household(id);
        return visibleMembers(id);
    }

    @POST
    @Path("/{id}/members")
    @RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER })
    public Response addMember(@PathParam("id") UUID id, @NotNull @Valid MemberRequest request) {
        access.household(id);
        Member member = households.addMember(id, request.details(), actor.name());
        return Response.created(URI.create("/api/households/" + id + "/members/" + member.id()))
                .entity(MemberView.of(member, actor.personalFields())).build();
    }

    @PUT
    @Path("/{id}/members/{memberId}")
    @RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER })
    public MemberView updateMember(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId,
            @NotNull @Valid MemberRequest request) {
        access.household(id);
        return MemberView.of(households.updateMember(id, memberId, request.details(), actor.name()),
                actor.personalFields());
    }

    /** A member moved out or died. */
    @POST
    @Path("/{id}/members/{memberId}/departure")
    @RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER })
    public MemberView removeMember(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId,
            @NotNull @Valid MemberDeparture request) {
        access.household(id);
        return MemberView.of(households.removeMember(id, memberId, request.leftOn(), request.reason(), actor.name()),
                actor.personalFields());
    }

    /** A member moves to another household of the registry; answers the member's record there. */
    @POST
    @Path("/{id}/members/{memberId}/move")
    @RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER })
    public Response moveMember(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId,
            @NotNull @Valid MemberMove request) {
        access.household(id);
        access.household(request.toHouseholdId());
        Member joined = households.moveMember(id, memberId, request.toHouseholdId(), request.movedOn(),
                request.relationToHead(), actor.name());
        return Response.created(URI.create("/api/households/" + joined.householdId() + "/members/" + joined.id()))
                .entity(MemberView.of(joined, actor.personalFields())).build();
    }

    /** Records (or corrects) the survey of a year; answers equal to those on record change nothing. */
    @PUT
    @Path("/{id}/surveys/{year}")
    @RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER })
    public SurveyView recordSurvey(@PathParam("id") UUID id, @PathParam("year") @Min(2000) @Max(2100) int year,
            @NotNull @Valid SurveyAnswers request) {
        access.household(id);
        Survey survey = households.recordSurvey(id, year,
                new Survey.Answers(request.incomePerPersonMonth(), request.deprivations()), actor.name());
        return SurveyView.of(survey);
    }

    /** The household's history of classifications, oldest first. */
    @GET
    @Path("/{id}/surveys")
    public List<SurveyView> history(@PathParam("id") UUID id) {
        access.household(id);
        return households.history(id).stream().map(SurveyView::of).toList();
    }

    /** Who changed this household, its members and surveys, newest first. */
    @GET
    @Path("/{id}/audit")
    @RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER, INSPECTOR })
    public List<AuditView> audit(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        access.household(id);
        return audit.of("household", id, page, size).stream()
                .map(e -> new AuditView(e.at(), e.actor(), e.action(), e.before(), e.after())).toList();
    }

    /** The members as this caller may see them; an agency's read of personal data is recorded. */
    private List<MemberView> visibleMembers(UUID householdId) {
        List<Member> members = households.members(householdId);
        var visible = personalData.reveal("household", List.of(householdId));
        return members.stream().map(m -> MemberView.of(m, visible)).toList();
    }
}
