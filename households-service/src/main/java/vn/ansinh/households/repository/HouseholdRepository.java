package vn.ansinh.households.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import vn.ansinh.households.domain.Household;
import vn.ansinh.households.domain.HouseholdFilter;

@ApplicationScoped
public class HouseholdRepository implements PanacheRepositoryBase<Household, UUID> {

    public Optional<Household> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** Which of these codes are registered. */
    public java.util.Set<String> existingCodes(java.util.Collection<String> codes) {
        return new java.util.HashSet<>(getEntityManager()
                .createQuery("select h.code from Household h where h.code in :codes", String.class)
                .setParameter("codes", codes).getResultList());
    }

    /** One page of the households that match, ordered by code, and how many match in all. */
    public record Matches(List<Household> page, long total) {
    }

    public Matches search(HouseholdFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder("from Household h where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.areaCode() != null) {
            // a commune, a district (its communes) or the province (its districts' communes)
            where.append(" and (h.areaCode = :area or h.areaCode in (select a.code from Area a where a.parentCode = :area)"
                    + " or h.areaCode in (select c.code from Area c, Area d where c.parentCode = d.code and d.parentCode = :area))");
            parameters.put("area", filter.areaCode());
        }
        if (filter.year() != null && filter.category() != null) {
            where.append(" and exists (select 1 from Survey s where s.key.householdId = h.id and s.key.year = :year"
                    + " and s.category = :category)");
            parameters.put("year", filter.year());
            parameters.put("category", filter.category());
        } else if (filter.year() != null) {
            where.append(" and exists (select 1 from Survey s where s.key.householdId = h.id and s.key.year = :year)");
            parameters.put("year", filter.year());
        }
        if (filter.name() != null) {
            where.append(" and (lower(h.headName) like :name or exists (select 1 from Member m where m.householdId = h.id"
                    + " and lower(m.fullName) like :name))");
            parameters.put("name", "%" + filter.name().toLowerCase() + "%");
        }
        if (filter.citizenId() != null) {
            where.append(" and exists (select 1 from Member m where m.householdId = h.id and m.citizenId = :citizenId)");
            parameters.put("citizenId", filter.citizenId());
        }
        PanacheQuery<Household> query = find(where.toString(), Sort.by("code"), parameters);
        return new Matches(query.page(page, size).list(), query.count());
    }
}
