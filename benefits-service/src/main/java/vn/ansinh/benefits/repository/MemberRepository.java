package vn.ansinh.benefits.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import vn.ansinh.benefits.domain.Member;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    public List<Member> ofHousehold(UUID householdId) {
        return list("householdId", Sort.by("active").descending().and("id"), householdId);
    }
}
