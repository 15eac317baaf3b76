package vn.ansinh.households.repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import vn.ansinh.households.domain.Survey;
import vn.ansinh.platform.db.CopyIn;

@ApplicationScoped
public class SurveyRepository implements PanacheRepositoryBase<Survey, Survey.Key> {

    /** Every survey of a household, oldest first: its history of classifications. */
    public List<Survey> history(UUID householdId) {
        return list("key.householdId", Sort.by("key.year"), householdId);
    }

    /** Every survey of these households. */
    public List<Survey> ofHouseholds(Collection<UUID> householdIds) {
        return list("key.householdId in ?1", Sort.by("key.year"), householdIds);
    }

    /** Inserts surveys that are new in this transaction, with COPY (imports). */
    public void insertNew(List<Survey> created) {
        CopyIn rows = new CopyIn("survey", "household_id", "year", "income_per_person_month", "deprivations",
                "area_code", "urban", "standard_id", "category", "deprivation_count", "previous_category",
                "newly_escaped_since", "reason", "recorded_at", "recorded_by");
        created.forEach(s -> rows.row(s.householdId(), s.year(), s.incomePerPersonMonth(), s.deprivations(),
                s.areaCode(), s.urban(), s.standardId(), s.category(), s.deprivationCount(), s.previousCategory(),
                s.newlyEscapedSince(), s.reason(), s.recordedAt(), s.recordedBy()));
        getEntityManager().unwrap(Session.class).doWork(rows::send);
    }

    public Optional<Survey> latestBefore(UUID householdId, int year) {
        return find("key.householdId = ?1 and key.year < ?2", Sort.descending("key.year"), householdId, year)
                .firstResultOptional();
    }
}
