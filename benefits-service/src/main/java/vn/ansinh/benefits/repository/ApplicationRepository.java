package vn.ansinh.benefits.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import vn.ansinh.benefits.domain.Application;
import vn.ansinh.benefits.domain.ApplicationMovement;

@ApplicationScoped
public class ApplicationRepository {

    private final EntityManager entityManager;

    public ApplicationRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void persist(Object entity) {
        entityManager.persist(entity);
    }

    /** The application, locked: its steps are taken one at a time. */
    public Optional<Application> lock(UUID id) {
        return Optional.ofNullable(entityManager.find(Application.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<Application> find(UUID id) {
        return Optional.ofNullable(entityManager.find(Application.class, id));
    }

    public List<ApplicationMovement> movements(UUID applicationId) {
        return entityManager.createQuery("""
                select m from ApplicationMovement m where m.applicationId = :id order by m.onDate, m.recordedAt""",
                ApplicationMovement.class).setParameter("id", applicationId).getResultList();
    }

    public long repayments(UUID applicationId) {
        return entityManager.createQuery("""
                select count(m) from ApplicationMovement m where m.applicationId = :id and m.kind = :kind""", Long.class)
                .setParameter("id", applicationId).setParameter("kind", ApplicationMovement.Kind.REPAYMENT)
                .getSingleResult();
    }

    /** @param area a commune or district code: applications of the households there */
    public List<Application> search(UUID householdId, String area, String programme, Application.Status status,
            int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (householdId != null) {
            where.append(" and a.householdId = :household");
            parameters.put("household", householdId);
        }
        if (area != null) {
            where.append(" and a.householdId in (select h.id from Household h where h.areaCode = :area"
                    + " or h.districtCode = :area)");
            parameters.put("area", area);
        }
        if (programme != null) {
            where.append(" and a.programmeCode = :programme");
            parameters.put("programme", programme);
        }
        if (status != null) {
            where.append(" and a.status = :status");
            parameters.put("status", status);
        }
        var query = entityManager.createQuery("select a from Application a where " + where
                + " order by a.submittedAt desc", Application.class);
        parameters.forEach(query::setParameter);
        return query.setFirstResult(page * size).setMaxResults(size).getResultList();
    }
}
