package vn.ansinh.households.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import vn.ansinh.households.domain.Area;

@ApplicationScoped
public class AreaRepository implements PanacheRepositoryBase<Area, String> {

    public List<Area> children(String parentCode) {
        return list("parentCode", Sort.by("code"), parentCode);
    }

    public List<Area> byLevel(Area.Level level) {
        return list("level", Sort.by("code"), level);
    }
}
