package vn.ansinh.reporting.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.ansinh.reporting.repository.ReadModelRepository;

/** Applies a consumer batch's facts to the read models and marks what the publisher must recompute. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReadModelService {

    private final ReadModelRepository readModels;
    private final PublisherRunner publisher;

    public ReadModelService(ReadModelRepository readModels, PublisherRunner publisher) {
        this.readModels = readModels;
        this.publisher = publisher;
    }

    public void apply(FactBatch batch) {
        readModels.changeAreas(batch.areas());
        readModels.placeHouseholds(batch.placed());
        readModels.classifyHouseholds(batch.classified());
        readModels.putEntitlements(batch.entitlements());
        readModels.putApplications(batch.applications());
        readModels.putBudgets(batch.budgets());
        if (!batch.dirty().isEmpty()) {
            List<String> families = new ArrayList<>();
            List<Integer> years = new ArrayList<>();
            for (FactBatch.Scope scope : batch.dirty()) {
                families.add(scope.family().name());
                years.add(scope.year());
            }
            readModels.markDirty(families, years);
            publisher.changesArrived();
        }
    }
}
