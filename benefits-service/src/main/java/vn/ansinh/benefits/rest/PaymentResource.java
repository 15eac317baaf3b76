package vn.ansinh.benefits.rest;

import java.net.URI;
import java.time.Instant;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import vn.ansinh.benefits.domain.BudgetAccount;
import vn.ansinh.benefits.domain.FundingSource;
import vn.ansinh.benefits.domain.Payment;
import vn.ansinh.benefits.domain.PaymentCycle;
import vn.ansinh.benefits.domain.PaymentMismatch;
import vn.ansinh.benefits.service.BenefitsAccess;
import vn.ansinh.benefits.service.BudgetService;
import vn.ansinh.benefits.service.PaymentService;
import vn.ansinh.platform.security.Caller;

/** Budgets, payment cycles (maker-checker), payments and the inspection report. */
@RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER, APPROVER, INSPECTOR, AGENCY })
@Path("/api")
public class PaymentResource {

    private final BudgetService budgets;
    private final PaymentService payments;
    private final Caller actor;

    private final BenefitsAccess access;

    public PaymentResource(BudgetService budgets, PaymentService payments, Caller actor, BenefitsAccess access) {
        this.access = access;
        this.budgets = budgets;
        this.payments = payments;
        this.actor = actor;
    }

    public record Allocation(@NotBlank String programme, @NotNull @Min(2000) @Max(2100) Integer year,
            @NotNull FundingSource fundingSource, @NotNull @Positive Long amountVnd,
            @NotBlank @Size(max = 200) String reference) {
    }

    public record BudgetView(String programme, int year, FundingSource fundingSource, long allocatedVnd,
            long committedVnd, long paidVnd, long remainingVnd) {

        static BudgetView of(BudgetAccount a) {
            return new BudgetView(a.key().programmeCode(), a.key().year(), a.key().fundingSource(), a.allocatedVnd(),
                    a.committedVnd(), a.paidVnd(), a.remainingVnd());
        }
    }

    public record NewCycle(@NotBlank String programme, @NotBlank String period, @NotNull FundingSource fundingSource,
            @Pattern(regexp = "\\d{3}", message = "must be the 3-digit GSO code of a district") String districtCode) {
    }

    public record Approval(@NotNull @PositiveOrZero Integer expectedCount, @NotNull @PositiveOrZero Long expectedTotalVnd) {
    }

    public record CycleView(UUID id, String programme, String period, FundingSource fundingSource, String districtCode,
            PaymentCycle.Status status, int paymentCount, long totalVnd, Instant preparedAt, String preparedBy,
            Instant approvedAt, String approvedBy) {

        static CycleView of(PaymentCycle c) {
            return new CycleView(c.id(), c.programmeCode(), c.period(), c.fundingSource(), c.districtCode(), c.status(),
                    c.paymentCount(), c.totalVnd(), c.preparedAt(), c.preparedBy(), c.approvedAt(), c.approvedBy());
        }
    }

    public record Result(@NotNull Payment.Status status, @Size(max = 100) String reference,
            @Size(max = 300) String reason) {
    }

    public record PaymentView(UUID id, UUID cycleId, UUID entitlementId, FundingSource fundingSource, UUID householdId,
            UUID memberId, long amountVnd, Payment.Status status, int attempts, String reference, String failureReason,
            Instant updatedAt, String updatedBy) {

        static PaymentView of(Payment p) {
            return new PaymentView(p.id(), p.cycleId(), p.entitlementId(), p.fundingSource(), p.householdId(),
                    p.memberId(), p.amountVnd(), p.status(), p.attempts(), p.reference(), p.failureReason(),
                    p.updatedAt(), p.updatedBy());
        }
    }

    /** Adds to a programme's budget for a year from a funding source. */
    @POST
    @Path("/budgets")
    @RolesAllowed(PROVINCE_OFFICER)
    public Response allocate(@NotNull @Valid Allocation request) {
        BudgetAccount account = budgets.allocate(new BudgetAccount.Key(request.programme(), request.year(),
                request.fundingSource()), request.amountVnd(), request.reference(), actor.name());
        return Response.status(201).entity(BudgetView.of(account)).build();
    }

    /** Budget execution of a year: allocated, committed, paid and remaining per programme and source. */
    @GET
    @Path("/budgets")
    public List<BudgetView> execution(@QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        return budgets.execution(year).stream().map(BudgetView::of).toList();
    }

    /** The maker prepares a cycle: every due, not yet paid entitlement of the programme and period. */
    @POST
    @Path("/payment-cycles")
    @RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER })
    public Response prepare(@NotNull @Valid NewCycle request) {
        access.requireDistrict("districtCode", request.districtCode());
        PaymentCycle cycle = payments.prepare(request.programme(), request.period(), request.fundingSource(),
                request.districtCode(), actor.name());
        return Response.created(URI.create("/api/payment-cycles/" + cycle.id())).entity(CycleView.of(cycle)).build();
    }

    @GET
    @Path("/payment-cycles")
    public List<CycleView> cycles(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return payments.cycles(page, size).stream().map(CycleView::of).toList();
    }

    @GET
    @Path("/payment-cycles/{id}")
    public CycleView cycle(@PathParam("id") UUID id) {
        return CycleView.of(access.cycle(id));
    }

    /** The checker (not the maker) confirms the control totals; the budget commits them. */
    @POST
    @Path("/payment-cycles/{id}/approval")
    @RolesAllowed(APPROVER)
    public CycleView approve(@PathParam("id") UUID id, @NotNull @Valid Approval request) {
        access.cycle(id);
        return CycleView.of(payments.approve(id, request.expectedCount(), request.expectedTotalVnd(), actor.name()));
    }

    public record Cancellation(@Size(max = 500) String reason) {
    }

    /** A prepared cycle goes; an approved one (with a reason) has its open payments stopped. */
    @POST
    @Path("/payment-cycles/{id}/cancellation")
    @RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER })
    public CycleView cancel(@PathParam("id") UUID id, @Valid Cancellation request) {
        access.cycle(id);
        return CycleView.of(payments.cancel(id, request == null ? null : request.reason(), actor.name()));
    }

    @GET
    @Path("/payment-cycles/{id}/payments")
    public List<PaymentView> payments(@PathParam("id") UUID id, @QueryParam("status") Payment.Status status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        access.cycle(id);
        return payments.payments(id, status, page, size).stream().map(PaymentView::of).toList();
    }

    /** The bank's answer for a payment: {@code PAID} with its reference, or {@code FAILED} with the reason. */
    @POST
    @Path("/payments/{id}/result")
    @RolesAllowed(PROVINCE_OFFICER)
    public PaymentView record(@PathParam("id") UUID id, @NotNull @Valid Result request) {
        return PaymentView.of(payments.record(id, request.status(), request.reference(), request.reason(),
                actor.name()));
    }

    public record Stop(@jakarta.validation.constraints.NotBlank @Size(max = 500) String reason) {
    }

    /** A payment not to be made after all (e.g. its entitlement ended): stopped, its amount back in the budget. */
    @POST
    @Path("/payments/{id}/stop")
    @RolesAllowed(PROVINCE_OFFICER)
    public PaymentView stop(@PathParam("id") UUID id, @NotNull @Valid Stop request) {
        return PaymentView.of(payments.stop(id, request.reason(), actor.name()));
    }

    /** Payments for entitlements that ended before their period did: to stop (pending) or recover (paid). */
    @GET
    @Path("/inspection/ended-entitlements-with-payments")
    @RolesAllowed({ PROVINCE_OFFICER, INSPECTOR })
    public List<PaymentMismatch> mismatches(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return payments.mismatches(page, size);
    }
}
