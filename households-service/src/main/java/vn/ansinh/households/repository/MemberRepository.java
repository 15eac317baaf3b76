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

    /** For each of these citizen IDs that is active somewhere, the code of its household. */
    public java.util.Map<String, String> activeHouseholdCodes(java.util.Collection<String> citizenIds) {
        java.util.Map<String, String> codes = new java.util.HashMap<>();
        getEntityManager().createQuery("select m.citizenId, h.code from Member m, Household h"
                + " where m.householdId = h.id and m.active = true and m.citizenId in :ids", Object[].class)
                .setParameter("ids", citizenIds).getResultList()
                .forEach(row -> codes.put((String) row[0], (String) row[1]));
        return codes;
    }

    public List<Member> ofHousehold(UUID householdId) {
        return list("householdId", Sort.by("createdAt").and("id"), householdId);
    }

    public long activeIn(UUID householdId) {
        return count("householdId = ?1 and active = true", householdId);
    }
}
