package vn.ansinh.benefits.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import vn.ansinh.benefits.domain.Classification;

@ApplicationScoped
public class ClassificationRepository implements PanacheRepositoryBase<Classification, Classification.Key> {

    public List<Classification> ofHousehold(UUID householdId) {
        return list("key.householdId", Sort.by("key.year"), householdId);
    }

    public Optional<Classification> latest(UUID householdId) {
        return find("key.householdId", Sort.descending("key.year"), householdId).firstResultOptional();
    }
}
