package vn.ansinh.benefits.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.ansinh.benefits.domain.Application;
import vn.ansinh.benefits.domain.ApplicationMovement;
import vn.ansinh.benefits.domain.BudgetAccount;
import vn.ansinh.benefits.domain.Catalogue;
import vn.ansinh.benefits.domain.Classification;
import vn.ansinh.benefits.domain.FundingSource;
import vn.ansinh.benefits.domain.Household;
import vn.ansinh.benefits.domain.Member;
import vn.ansinh.benefits.domain.ProgrammeRule;
import vn.ansinh.benefits.domain.Standing;
import vn.ansinh.benefits.messaging.ApplicationEvents;
import vn.ansinh.benefits.messaging.ApplicationEvents.ApplicationState;
import vn.ansinh.benefits.messaging.ApplicationEvents.Movement;
import vn.ansinh.benefits.repository.ApplicationRepository;
import vn.ansinh.benefits.repository.BudgetRepository;
import vn.ansinh.benefits.repository.CatalogueRepository;
import vn.ansinh.benefits.repository.ClassificationRepository;
import vn.ansinh.benefits.repository.HouseholdRepository;
import vn.ansinh.benefits.repository.MemberRepository;
import vn.ansinh.platform.db.Ids;
import vn.ansinh.platform.outbox.Outbox;
import vn.ansinh.platform.problem.ProblemException;

/**
 * Applications for loans, housing, training and livelihood support: apply → approve (by another
 * officer) → carry out. Every disbursement is paid from the programme's budget of its year and
 * source, or refused with what is left, writing nothing.
 */
@ApplicationScoped
@Transactional
public class ApplicationService {

    static final Set<String> PROGRAMMES = Set.of("PREFERENTIAL_LOAN", "HOUSING", "VOCATIONAL_TRAINING", "LIVELIHOOD");

    private final ApplicationRepository applications;
    private final HouseholdRepository households;
    private final MemberRepository members;
    private final ClassificationRepository classifications;
    private final CatalogueRepository catalogue;
    private final BudgetRepository budgets;
    private final BudgetService budgetService;
    private final Outbox outbox;

    public ApplicationService(ApplicationRepository applications, HouseholdRepository households,
            MemberRepository members, ClassificationRepository classifications, CatalogueRepository catalogue,
            BudgetRepository budgets, BudgetService budgetService, Outbox outbox) {
        this.applications = applications;
        this.households = households;
        this.members = members;
        this.classifications = classifications;
        this.catalogue = catalogue;
        this.budgets = budgets;
        this.budgetService = budgetService;
        this.outbox = outbox;
    }

    public record Request(String programme, UUID householdId, UUID memberId, FundingSource fundingSource,
            Long amountVnd, String kind, Integer termMonths) {
    }

    public Application submit(Request request, LocalDate today, String actor) {
        if (!PROGRAMMES.contains(request.programme())) {
            throw ProblemException.invalid("programme", "one of " + PROGRAMMES.stream().sorted().toList()
                    + " is applied for; the others are granted on classification");
        }
        Household household = households.findByIdOptional(request.householdId()).orElseThrow(() ->
                ProblemException.invalid("householdId", "no household " + request.householdId()
                        + " is known to benefits-service"));
        Standing standing = classifications.latest(household.id()).map(Classification::standing).orElse(null);
        Catalogue current = catalogue.load();
        ProgrammeRule rule = standing == null ? null : current.ruleOn(request.programme(), standing, today);
        if (rule == null || !rule.eligible()) {
            throw ProblemException.conflict("Household " + household.code() + " is "
                    + (standing == null ? "neither poor, near-poor nor newly escaped" : standing)
                    + " and does not qualify for " + request.programme() + ".");
        }
        long amount = request.amountVnd() == null ? 0 : request.amountVnd();
        String kind = null;
        Integer term = null;
        Integer rate = null;
        UUID memberId = null;
        switch (request.programme()) {
            case "PREFERENTIAL_LOAN" -> {
                within("amountVnd", amount, current.valueOn("LOAN_MAX", today));
                if (request.termMonths() == null || request.termMonths() < 1 || request.termMonths() > 120) {
                    throw ProblemException.invalid("termMonths", "a loan needs a term of 1 to 120 months");
                }
                term = request.termMonths();
                long poorRate = current.valueOn("LOAN_RATE_POOR", today);
                // near-poor pay 120% and newly escaped 125% of the poor households' rate
                rate = (int) (standing == Standing.POOR ? poorRate
                        : standing == Standing.NEAR_POOR ? poorRate * 120 / 100 : poorRate * 125 / 100);
            }
            case "HOUSING" -> {
                if (!"NEW_BUILD".equals(request.kind()) && !"REPAIR".equals(request.kind())) {
                    throw ProblemException.invalid("kind", "must be NEW_BUILD or REPAIR");
                }
                kind = request.kind();
                amount = current.valueOn(kind.equals("NEW_BUILD") ? "HOUSING_NEW_BUILD" : "HOUSING_REPAIR", today);
            }
            case "VOCATIONAL_TRAINING" -> {
                Member trainee = request.memberId() == null ? null : members.findById(request.memberId());
                if (trainee == null || !trainee.householdId().equals(household.id()) || !trainee.active()) {
                    throw ProblemException.invalid("memberId", "training is for an active member of the household");
                }
                memberId = trainee.id();
                within("amountVnd", amount, current.valueOn("TRAINING_COURSE_MAX", today));
            }
            default -> within("amountVnd", amount, current.valueOn("LIVELIHOOD_MAX", today));
        }
        Instant now = Instant.now();
        Application application = new Application(Ids.newId(), request.programme(), household.id(), memberId,
                standing, request.fundingSource(), amount, kind, term, rate, now, actor);
        applications.persist(application);
        announce(ApplicationEvents.SUBMITTED, application, household, null);
        return application;
    }

    private static void within(String field, long amount, long max) {
        if (amount <= 0 || amount > max) {
            throw ProblemException.invalid(field, "must be between 1 and " + max + " VND");
        }
    }

    /** Approval or rejection, by an officer other than the one who submitted it. */
    public Application decide(UUID id, boolean approve, String note, String actor) {
        Application application = locked(id);
        expect(application, Application.Status.SUBMITTED, "decided");
        if (application.submittedBy().equals(actor)) {
            throw new ProblemException(403, "Forbidden", "Maker-checker: " + actor + " submitted application " + id
                    + " and cannot also decide it.", List.of());
        }
        application.decide(approve, note, Instant.now(), actor);
        announce(approve ? ApplicationEvents.APPROVED : ApplicationEvents.REJECTED, application, household(application),
                null);
        return application;
    }

    /** Pays out an approved loan or livelihood grant in full, or enrols an approved trainee (the course fee). */
    public Application disburse(UUID id, LocalDate on, String actor) {
        Application application = locked(id);
        expect(application, Application.Status.APPROVED, "disbursed");
        return switch (application.programmeCode()) {
            case "PREFERENTIAL_LOAN" -> pay(application, "LOAN", application.amountVnd(), on, Application.Status.DISBURSED,
                    ApplicationEvents.LOAN_DISBURSED, actor);
            case "LIVELIHOOD" -> pay(application, "GRANT", application.amountVnd(), on, Application.Status.COMPLETED,
                    ApplicationEvents.LIVELIHOOD_PAID, actor);
            case "VOCATIONAL_TRAINING" -> pay(application, "COURSE_FEE", application.amountVnd(), on,
                    Application.Status.IN_PROGRESS, ApplicationEvents.TRAINEE_ENROLLED, actor);
            default -> throw ProblemException.conflict("A housing grant is paid in tranches as construction stages are"
                    + " accepted (POST …/stages).");
        };
    }

    /** A construction stage accepted: releases its tranche. Stages come in order. */
    public Application acceptStage(UUID id, Application.Stage stage, LocalDate on, String actor) {
        Application application = locked(id);
        if (!application.programmeCode().equals("HOUSING")) {
            throw ProblemException.conflict("Application " + id + " is not for housing.");
        }
        if (application.status() != Application.Status.APPROVED && application.status() != Application.Status.IN_PROGRESS) {
            throw ProblemException.conflict("Application " + id + " is " + application.status() + "; stages are"
                    + " accepted once it is approved and until the house is completed.");
        }
        if (stage != application.nextStage()) {
            throw ProblemException.invalid("stage", "the next stage to accept is " + application.nextStage());
        }
        long tranche = application.trancheOf(stage);
        Household household = household(application);
        spend(application, tranche, on);
        application.stageAccepted(stage, tranche, Instant.now());
        record(application, ApplicationMovement.Kind.DISBURSEMENT, stage.name(), tranche, on, actor);
        Movement movement = new Movement("DISBURSEMENT", stage.name(), tranche, on);
        announce(ApplicationEvents.TRANCHE_PAID, application, household, movement);
        if (stage == Application.Stage.COMPLETED) {
            announce(ApplicationEvents.HOUSE_COMPLETED, application, household, movement);
        }
        return application;
    }

    public Application repay(UUID id, long amount, LocalDate on, String actor) {
        Application application = locked(id);
        expect(application, Application.Status.DISBURSED, "repaid");
        if (amount <= 0 || amount > application.outstandingVnd()) {
            throw ProblemException.invalid("amountVnd", "must be between 1 and the outstanding "
                    + application.outstandingVnd() + " VND");
        }
        application.repaid(amount, Instant.now());
        String label = "R" + (applications.repayments(id) + 1);
        record(application, ApplicationMovement.Kind.REPAYMENT, label, amount, on, actor);
        announce(ApplicationEvents.LOAN_REPAID, application, household(application),
                new Movement("REPAYMENT", label, amount, on));
        return application;
    }

    public Application completeTraining(UUID id, String actor) {
        Application application = locked(id);
        expect(application, Application.Status.IN_PROGRESS, "completed");
        application.completed(Instant.now());
        announce(ApplicationEvents.TRAINEE_TRAINED, application, household(application), null);
        return application;
    }

    public Application place(UUID id, String employer, String actor) {
        Application application = locked(id);
        if (!application.programmeCode().equals("VOCATIONAL_TRAINING")) {
            throw ProblemException.conflict("Application " + id + " is not for training.");
        }
        expect(application, Application.Status.COMPLETED, "placed in a job");
        application.placed(employer, Instant.now());
        announce(ApplicationEvents.TRAINEE_PLACED, application, household(application), null);
        return application;
    }

    private Application pay(Application application, String label, long amount, LocalDate on,
            Application.Status next, String event, String actor) {
        spend(application, amount, on);
        application.disbursed(amount, next, Instant.now());
        record(application, ApplicationMovement.Kind.DISBURSEMENT, label, amount, on, actor);
        announce(event, application, household(application), new Movement("DISBURSEMENT", label, amount, on));
        return application;
    }

    /** Pays from the budget of the disbursement's year, or refuses with what is left (nothing written). */
    private void spend(Application application, long amount, LocalDate on) {
        BudgetAccount.Key key = new BudgetAccount.Key(application.programmeCode(), on.getYear(),
                application.fundingSource());
        BudgetAccount account = budgets.lock(key).orElseThrow(() -> ProblemException.conflict("No budget is allocated"
                + " to " + key.programmeCode() + " for " + key.year() + " from " + key.fundingSource() + "."));
        if (!account.commit(amount)) {
            throw ProblemException.conflict("The disbursement of " + amount + " VND exceeds what is left of the "
                    + key.programmeCode() + " " + key.year() + " " + key.fundingSource() + " budget: "
                    + account.remainingVnd() + " VND.");
        }
        account.pay(amount);
        budgetService.announce(account);
    }

    private void record(Application application, ApplicationMovement.Kind kind, String label, long amount,
            LocalDate on, String actor) {
        applications.persist(new ApplicationMovement(Ids.newId(), application.id(), kind, label, amount, on,
                Instant.now(), actor));
    }

    private Application locked(UUID id) {
        return applications.lock(id).orElseThrow(() -> ProblemException.notFound("No application " + id + "."));
    }

    private static void expect(Application application, Application.Status status, String step) {
        if (application.status() != status) {
            throw ProblemException.conflict("Application " + application.id() + " is " + application.status()
                    + "; it can be " + step + " only when " + status + ".");
        }
    }

    private Household household(Application application) {
        return households.findById(application.householdId());
    }

    private void announce(String type, Application a, Household household, Movement movement) {
        outbox.append(ApplicationEvents.TOPIC, a.householdId().toString(), type, new ApplicationState(a.id(),
                a.programmeCode(), a.householdId(), a.memberId(), a.standing().name(), a.fundingSource().name(),
                a.amountVnd(), a.kind(), a.termMonths(), a.rateBp(), a.status().name(), a.disbursedVnd(),
                a.repaidVnd(), a.outstandingVnd(), a.stagesAccepted(), a.employer(), household.areaCode(),
                household.districtCode(), movement));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Application get(UUID id) {
        return applications.find(id).orElseThrow(() -> ProblemException.notFound("No application " + id + "."));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApplicationMovement> movements(UUID id) {
        get(id);
        return applications.movements(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Application> search(UUID householdId, String area, String programme, Application.Status status,
            int page, int size) {
        return applications.search(householdId, area, programme, status, page, size);
    }
}
