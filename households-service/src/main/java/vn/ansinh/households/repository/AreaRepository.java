package vn.ansinh.households.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import vn.ansinh.households.domain.Area;
import vn.ansinh.households.domain.AreaChange;

@ApplicationScoped
public class AreaRepository implements PanacheRepositoryBase<Area, String> {

    public List<Area> children(String parentCode) {
        return list("parentCode", Sort.by("code"), parentCode);
    }

    public List<Area> notAnnounced() {
        return list("announced", Sort.by("code"), false);
    }

    public List<Area> byLevel(Area.Level level) {
        return list("level", Sort.by("code"), level);
    }

    public void record(AreaChange change) {
        getEntityManager().persist(change);
    }

    /** The changes of a unit, oldest first. */
    public List<AreaChange> changes(String code) {
        return getEntityManager().createQuery(
                "select c from AreaChange c where c.areaCode = :code order by c.effectiveDate, c.id", AreaChange.class)
                .setParameter("code", code).getResultList();
    }
}
