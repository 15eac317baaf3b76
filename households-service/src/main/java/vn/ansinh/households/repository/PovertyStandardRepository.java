package vn.ansinh.households.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import vn.ansinh.households.domain.PovertyStandard;

@ApplicationScoped
public class PovertyStandardRepository implements PanacheRepositoryBase<PovertyStandard, String> {

    public Optional<PovertyStandard> forSurveyYear(int year) {
        return find("firstSurveyYear <= ?1 and lastSurveyYear >= ?1", year).firstResultOptional();
    }

    public List<PovertyStandard> allByPeriod() {
        return listAll(Sort.by("firstSurveyYear"));
    }

    public boolean overlaps(int firstYear, int lastYear) {
        return count("firstSurveyYear <= ?2 and lastSurveyYear >= ?1", firstYear, lastYear) > 0;
    }
}
