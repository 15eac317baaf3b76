package vn.ansinh.benefits.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.ansinh.benefits.domain.BudgetAccount;
import vn.ansinh.benefits.domain.BudgetAllocation;
import vn.ansinh.benefits.messaging.PaymentEvents;
import vn.ansinh.benefits.messaging.PaymentEvents.BudgetState;
import vn.ansinh.benefits.repository.BudgetRepository;
import vn.ansinh.benefits.repository.CatalogueRepository;
import vn.ansinh.platform.db.Ids;
import vn.ansinh.platform.outbox.Outbox;
import vn.ansinh.platform.problem.ProblemException;

/** Budgets per programme, year and funding source, and their execution. */
@ApplicationScoped
@Transactional
public class BudgetService {

    private final BudgetRepository budgets;
    private final CatalogueRepository catalogue;
    private final Outbox outbox;

    public BudgetService(BudgetRepository budgets, CatalogueRepository catalogue, Outbox outbox) {
        this.budgets = budgets;
        this.catalogue = catalogue;
        this.outbox = outbox;
    }

    public BudgetAccount allocate(BudgetAccount.Key key, long amountVnd, String reference, String actor) {
        if (catalogue.load().programmes().stream().noneMatch(p -> p.code().equals(key.programmeCode()))) {
            throw ProblemException.invalid("programme", "no programme is called " + key.programmeCode());
        }
        BudgetAccount account = budgets.lockOrCreate(key);
        account.allocate(amountVnd);
        budgets.record(new BudgetAllocation(Ids.newId(), key, amountVnd, reference, Instant.now(), actor));
        announce(account);
        return account;
    }

    /** Announces an account's full state, for dashboards of budget execution. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(BudgetAccount account) {
        BudgetAccount.Key key = account.key();
        outbox.append(PaymentEvents.BUDGET_TOPIC, key.programmeCode() + '/' + key.year() + '/' + key.fundingSource(),
                PaymentEvents.BUDGET_CHANGED, new BudgetState(key.programmeCode(), key.year(),
                        key.fundingSource().name(), account.allocatedVnd(), account.committedVnd(), account.paidVnd(),
                        account.remainingVnd()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BudgetAccount> execution(int year) {
        return budgets.ofYear(year);
    }
}
