package vn.ansinh.households.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import vn.ansinh.households.domain.Member;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    public Optional<Member> activeWithCitizenId(String citizenId) {
        return find("citizenId = ?1 and active = true", citizenId).firstResultOptional();
    }

    public List<Member> ofHousehold(UUID householdId) {
        return list("householdId", Sort.by("createdAt").and("id"), householdId);
    }

    public long activeIn(UUID householdId) {
        return count("householdId = ?1 and active = true", householdId);
    }
}
