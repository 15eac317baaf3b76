package vn.ansinh.households.repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import vn.ansinh.households.domain.Household;
import vn.ansinh.platform.db.CopyIn;
import vn.ansinh.households.domain.HouseholdFilter;

@ApplicationScoped
public class HouseholdRepository implements PanacheRepositoryBase<Household, UUID> {

    public Optional<Household> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The households placed in a commune now. */
    public List<Household> inCommune(String areaCode) {
        return list("areaCode", Sort.by("code"), areaCode);
    }

    /**
     * The households registered under these codes, by code. The codes travel as one text[]
     * parameter: an HQL "in" list of an import chunk's 2,000 codes was translated to SQL anew for
     * each chunk (a tenth of the import's CPU).
     */
    @SuppressWarnings("unchecked")
    public Map<String, Household> byCodes(Collection<String> codes) {
        List<Household> found = getEntityManager().createNativeQuery("SELECT * FROM household WHERE code = ANY(?1)",
                Household.class).setParameter(1, codes.toArray(String[]::new)).getResultList();
        return found.stream().collect(Collectors.toMap(Household::code, h -> h));
    }

    /** Which of these codes are registered households (checks of an import). */
    @SuppressWarnings("unchecked")
    public Set<String> registeredCodes(Collection<String> codes) {
        return Set.copyOf(getEntityManager().createNativeQuery("SELECT code FROM household WHERE code = ANY(?1)")
                .setParameter(1, codes.toArray(String[]::new)).getResultList());
    }

    /** Inserts households that are new in this transaction, with COPY (imports). */
    public void insertNew(List<Household> created) {
        CopyIn rows = new CopyIn("household", "id", "code", "area_code", "address", "head_name", "ethnic_minority",
                "merit_family", "created_at", "created_by");
        created.forEach(h -> rows.row(h.id(), h.code(), h.areaCode(), h.address(), h.headName(), h.ethnicMinority(),
                h.meritFamily(), h.createdAt(), h.createdBy()));
        getEntityManager().unwrap(Session.class).doWork(rows::send);
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
            // "active or not" lets PostgreSQL use both partial indexes on citizen ID (V11); without
            // it no index covers every member and the search reads the whole table
            where.append(" and exists (select 1 from Member m where m.householdId = h.id and m.citizenId = :citizenId"
                    + " and (m.active = true or m.active = false))");
            parameters.put("citizenId", filter.citizenId());
        }
        if (filter.code() != null) {
            where.append(" and h.code = :code");
            parameters.put("code", filter.code());
        }
        if (filter.ethnicMinority() != null) {
            where.append(" and h.ethnicMinority = :ethnicMinority");
            parameters.put("ethnicMinority", filter.ethnicMinority());
        }
        if (filter.meritFamily() != null) {
            where.append(" and h.meritFamily = :meritFamily");
            parameters.put("meritFamily", filter.meritFamily());
        }
        PanacheQuery<Household> query = find(where.toString(), Sort.by("code"), parameters);
        return new Matches(query.page(page, size).list(), query.count());
    }
}
