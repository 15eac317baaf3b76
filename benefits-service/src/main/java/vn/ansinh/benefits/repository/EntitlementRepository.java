package vn.ansinh.benefits.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import vn.ansinh.benefits.domain.Entitlement;
import vn.ansinh.benefits.domain.EntitlementFilter;

@ApplicationScoped
public class EntitlementRepository implements PanacheRepositoryBase<Entitlement, UUID> {

    public record Matches(List<Entitlement> page, long total) {
    }

    public Matches search(EntitlementFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.householdId() != null) {
            where.append(" and householdId = :household");
            parameters.put("household", filter.householdId());
        }
        if (filter.area() != null) {
            where.append(" and householdId in (select h.id from Household h where h.areaCode = :area"
                    + " or h.districtCode = :area)");
            parameters.put("area", filter.area());
        }
        if (filter.programmeCode() != null) {
            where.append(" and programmeCode = :programme");
            parameters.put("programme", filter.programmeCode());
        }
        if (filter.period() != null) {
            where.append(" and period = :period");
            parameters.put("period", filter.period());
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            parameters.put("status", filter.status());
        }
        var query = find(where.toString(), Sort.by("periodStart").and("programmeCode").and("beneficiaryId"), parameters);
        return new Matches(query.page(page, size).list(), query.count());
    }
}
