package vn.ansinh.benefits.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.ansinh.benefits.domain.BudgetAccount;
import vn.ansinh.benefits.domain.Entitlement;
import vn.ansinh.benefits.domain.FundingSource;
import vn.ansinh.benefits.domain.Payment;
import vn.ansinh.benefits.domain.PaymentCycle;
import vn.ansinh.benefits.domain.PaymentMismatch;
import vn.ansinh.benefits.domain.Programme;
import vn.ansinh.benefits.messaging.PaymentEvents;
import vn.ansinh.benefits.messaging.PaymentEvents.PaymentState;
import vn.ansinh.benefits.repository.BudgetRepository;
import vn.ansinh.benefits.repository.CatalogueRepository;
import vn.ansinh.benefits.repository.EntitlementRepository;
import vn.ansinh.benefits.repository.PaymentRepository;
import vn.ansinh.platform.db.Ids;
import vn.ansinh.platform.outbox.Outbox;
import vn.ansinh.platform.problem.ProblemException;

/**
 * Payment cycles: a maker prepares a cycle (its control totals computed), a different checker
 * approves it against the budget, then each payment is recorded paid or failed. A payment is
 * one row per entitlement and funding source for ever, retried in place after a failure, so
 * nothing is paid twice; an approval that would exceed the budget is refused and writes nothing.
 */
@ApplicationScoped
@Transactional
public class PaymentService {

    private final PaymentRepository payments;
    private final BudgetRepository budgets;
    private final BudgetService budgetService;
    private final EntitlementRepository entitlements;
    private final CatalogueRepository catalogue;
    private final Outbox outbox;

    public PaymentService(PaymentRepository payments, BudgetRepository budgets, BudgetService budgetService,
            EntitlementRepository entitlements, CatalogueRepository catalogue, Outbox outbox) {
        this.payments = payments;
        this.budgets = budgets;
        this.budgetService = budgetService;
        this.entitlements = entitlements;
        this.catalogue = catalogue;
        this.outbox = outbox;
    }

    public PaymentCycle prepare(String programmeCode, String period, FundingSource source, String districtCode,
            String maker) {
        Programme programme = catalogue.load().programmes().stream().filter(p -> p.code().equals(programmeCode))
                .findFirst().orElseThrow(() -> ProblemException.invalid("programme", "no programme is called "
                        + programmeCode));
        if (!programme.automatic()) {
            throw ProblemException.invalid("programme", programmeCode + " is paid through applications, not cycles");
        }
        if (!programme.period().matches(period)) {
            throw ProblemException.invalid("period", programmeCode + " is paid per "
                    + programme.period().name().toLowerCase() + ": a period like " + programme.period().example());
        }
        if (source == FundingSource.SOCIALISED) {
            throw ProblemException.invalid("fundingSource", "socialised funds pay applications, not entitlements");
        }
        Instant now = Instant.now();
        PaymentCycle cycle = new PaymentCycle(Ids.newId(), programmeCode, period, source, districtCode, now, maker);
        payments.persist(cycle);
        long[] totals = payments.addDuePayments(cycle, now, maker);
        if (totals[0] == 0) {
            throw ProblemException.conflict("Nothing of " + programmeCode + " " + period + " is due from " + source
                    + (districtCode == null ? "" : " in district " + districtCode)
                    + " that is not in a cycle already.");
        }
        cycle.totals((int) totals[0], totals[1]);
        return cycle;
    }

    /** The checker confirms the control totals; the budget commits the total or the approval is refused. */
    public PaymentCycle approve(UUID cycleId, int expectedCount, long expectedTotalVnd, String checker) {
        PaymentCycle cycle = payments.lockCycle(cycleId).orElseThrow(() -> notFound(cycleId));
        if (cycle.status() != PaymentCycle.Status.PREPARED) {
            throw ProblemException.conflict("Cycle " + cycleId + " is " + cycle.status() + ", not waiting for approval.");
        }
        if (cycle.preparedBy().equals(checker)) {
            throw new ProblemException(403, "Forbidden", "Maker-checker: " + checker + " prepared cycle " + cycleId
                    + " and cannot also approve it.", List.of());
        }
        if (cycle.paymentCount() != expectedCount || cycle.totalVnd() != expectedTotalVnd) {
            throw ProblemException.conflict("Control totals differ: the cycle has " + cycle.paymentCount()
                    + " payments totalling " + cycle.totalVnd() + " VND, the approval says " + expectedCount + " and "
                    + expectedTotalVnd + " VND.");
        }
        BudgetAccount.Key key = cycle.budget();
        BudgetAccount account = budgets.lock(key).orElseThrow(() -> ProblemException.conflict("No budget is allocated"
                + " to " + key.programmeCode() + " for " + key.year() + " from " + key.fundingSource() + "."));
        if (!account.commit(cycle.totalVnd())) {
            throw ProblemException.conflict("The cycle's " + cycle.totalVnd() + " VND exceeds what is left of the "
                    + key.programmeCode() + " " + key.year() + " " + key.fundingSource() + " budget: "
                    + account.remainingVnd() + " VND (allocated " + account.allocatedVnd() + ", committed "
                    + account.committedVnd() + ", paid " + account.paidVnd() + ").");
        }
        cycle.approve(Instant.now(), checker);
        budgetService.announce(account);
        return cycle;
    }

    /**
     * Cancels a cycle. A prepared one goes with its payments (its entitlements are free for another
     * cycle). An approved one needs the reason: its open payments (pending or failed) are stopped
     * and their amounts released; what was already paid stands, so the cycle ends CANCELLED when
     * nothing of it was paid and CLOSED otherwise.
     */
    public PaymentCycle cancel(UUID cycleId, String reason, String actor) {
        PaymentCycle cycle = payments.lockCycle(cycleId).orElseThrow(() -> notFound(cycleId));
        if (cycle.status() == PaymentCycle.Status.PREPARED) {
            payments.deletePayments(cycleId);
            cycle.cancel();
            return cycle;
        }
        if (cycle.status() != PaymentCycle.Status.APPROVED) {
            throw ProblemException.conflict("Cycle " + cycleId + " is " + cycle.status() + "; only a prepared or an"
                    + " approved cycle can be cancelled.");
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "an approved cycle is cancelled only with the reason");
        }
        List<Payment> open = payments.lockOpen(cycleId);
        BudgetAccount account = budgets.lock(cycle.budget()).orElseThrow();
        Instant now = Instant.now();
        for (Payment payment : open) {
            payment.stop("cycle cancelled: " + reason.strip(), now, actor);
            account.release(payment.amountVnd());
            announce(payment, cycle, entitlements.findById(payment.entitlementId()), PaymentEvents.STOPPED);
        }
        budgetService.announce(account);
        boolean anyPaid = open.size() < cycle.paymentCount();
        if (anyPaid) {
            cycle.close();
        } else {
            cycle.cancel();
        }
        return cycle;
    }

    /** The bank's answer for one payment: paid (with its reference) or failed (with the reason). */
    public Payment record(UUID paymentId, Payment.Status result, String reference, String reason, String actor) {
        Payment payment = payments.lockPayment(paymentId).orElseThrow(() -> ProblemException.notFound(
                "No payment " + paymentId + "."));
        PaymentCycle cycle = payments.lockCycle(payment.cycleId()).orElseThrow();
        if (cycle.status() != PaymentCycle.Status.APPROVED) {
            throw ProblemException.conflict("Payment " + paymentId + " belongs to a cycle that is " + cycle.status()
                    + "; only payments of an approved cycle are paid.");
        }
        if (payment.status() == Payment.Status.PAID) {
            throw ProblemException.conflict("Payment " + paymentId + " was already paid (reference "
                    + payment.reference() + ", " + payment.updatedAt() + "); it is never paid twice.");
        }
        if (payment.status() == Payment.Status.STOPPED) {
            throw ProblemException.conflict("Payment " + paymentId + " was stopped (" + payment.failureReason()
                    + ") by " + payment.updatedBy() + "; it is not paid.");
        }
        Instant now = Instant.now();
        Entitlement entitlement = entitlements.findById(payment.entitlementId());
        if (result == Payment.Status.PAID) {
            if (reference == null || reference.isBlank()) {
                throw ProblemException.invalid("reference", "a paid payment needs the bank's reference");
            }
            payment.paid(reference.strip(), now, actor);
            BudgetAccount account = budgets.lock(cycle.budget()).orElseThrow();
            account.pay(payment.amountVnd());
            budgetService.announce(account);
            if (payments.unpaid(cycle.id()) == 0) {
                cycle.close();
            }
        } else if (result == Payment.Status.FAILED) {
            if (reason == null || reason.isBlank()) {
                throw ProblemException.invalid("reason", "a failed payment needs the reason");
            }
            payment.failed(reason.strip(), now, actor);
        } else {
            throw ProblemException.invalid("status", "must be PAID or FAILED");
        }
        announce(payment, cycle, entitlement, result == Payment.Status.PAID ? PaymentEvents.PAID : PaymentEvents.FAILED);
        return payment;
    }

    /**
     * Stops a payment of an approved cycle that has not been paid (pending, or failed and not
     * retried) — typically one the inspection found for an ended entitlement: it will not be paid,
     * its amount goes back to what is left of the budget, and the cycle closes when nothing else
     * is open. A paid payment cannot be stopped; it is recovered outside the system.
     */
    public Payment stop(UUID paymentId, String reason, String actor) {
        Payment payment = payments.lockPayment(paymentId).orElseThrow(() -> ProblemException.notFound(
                "No payment " + paymentId + "."));
        PaymentCycle cycle = payments.lockCycle(payment.cycleId()).orElseThrow();
        if (cycle.status() != PaymentCycle.Status.APPROVED) {
            throw ProblemException.conflict("Payment " + paymentId + " belongs to a cycle that is " + cycle.status()
                    + "; a payment of a prepared cycle leaves with the cycle's cancellation.");
        }
        if (payment.status() == Payment.Status.PAID) {
            throw ProblemException.conflict("Payment " + paymentId + " was paid (reference " + payment.reference()
                    + "); a paid payment is recovered, not stopped.");
        }
        if (payment.status() == Payment.Status.STOPPED) {
            throw ProblemException.conflict("Payment " + paymentId + " was already stopped.");
        }
        payment.stop(reason.strip(), Instant.now(), actor);
        BudgetAccount account = budgets.lock(cycle.budget()).orElseThrow();
        account.release(payment.amountVnd());
        budgetService.announce(account);
        if (payments.unpaid(cycle.id()) == 0) {
            cycle.close();
        }
        announce(payment, cycle, entitlements.findById(payment.entitlementId()), PaymentEvents.STOPPED);
        return payment;
    }

    private void announce(Payment payment, PaymentCycle cycle, Entitlement entitlement, String type) {
        outbox.append(PaymentEvents.PAYMENT_TOPIC, payment.householdId().toString(), type,
                new PaymentState(payment.id(), cycle.id(), payment.entitlementId(), entitlement.programmeCode(),
                        entitlement.period(), payment.fundingSource().name(), payment.householdId(), payment.memberId(),
                        payment.amountVnd(), payment.status().name(), payment.attempts(), payment.reference(),
                        payment.failureReason()));
    }

    private static ProblemException notFound(UUID cycleId) {
        return ProblemException.notFound("No payment cycle " + cycleId + ".");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PaymentCycle cycle(UUID id) {
        return payments.cycle(id).orElseThrow(() -> notFound(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PaymentCycle> cycles(int page, int size) {
        return payments.cycles(page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Payment> payments(UUID cycleId, Payment.Status status, int page, int size) {
        cycle(cycleId);
        return payments.ofCycle(cycleId, status, page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PaymentMismatch> mismatches(int page, int size) {
        return payments.mismatches(page, size);
    }
}
