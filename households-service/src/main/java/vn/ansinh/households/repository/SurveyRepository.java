package vn.ansinh.households.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import vn.ansinh.households.domain.Survey;

@ApplicationScoped
public class SurveyRepository implements PanacheRepositoryBase<Survey, Survey.Key> {

    /** Every survey of a household, oldest first: its history of classifications. */
    public List<Survey> history(UUID householdId) {
        return list("key.householdId", Sort.by("key.year"), householdId);
    }

    public Optional<Survey> latestBefore(UUID householdId, int year) {
        return find("key.householdId = ?1 and key.year < ?2", Sort.descending("key.year"), householdId, year)
                .firstResultOptional();
    }
}
