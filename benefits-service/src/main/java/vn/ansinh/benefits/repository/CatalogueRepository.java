package vn.ansinh.benefits.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import vn.ansinh.benefits.domain.Catalogue;
import vn.ansinh.benefits.domain.Parameter;
import vn.ansinh.benefits.domain.Programme;
import vn.ansinh.benefits.domain.ProgrammeRule;

/** The programme catalogue: programmes, their dated rules, the dated amounts. */
@ApplicationScoped
public class CatalogueRepository {

    private final EntityManager entityManager;

    public CatalogueRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Catalogue load() {
        return new Catalogue(
                entityManager.createQuery("select p from Programme p order by p.code", Programme.class).getResultList(),
                entityManager.createQuery("select r from ProgrammeRule r", ProgrammeRule.class).getResultList(),
                entityManager.createQuery("select p from Parameter p order by p.key.name, p.key.validFrom",
                        Parameter.class).getResultList());
    }

    public boolean parameterExists(String name) {
        return entityManager.createQuery("select count(p) from Parameter p where p.key.name = :name", Long.class)
                .setParameter("name", name).getSingleResult() > 0;
    }

    public Parameter findParameter(String name, java.time.LocalDate validFrom) {
        return entityManager.find(Parameter.class, new Parameter.Key(name, validFrom));
    }

    public void persist(Object entity) {
        entityManager.persist(entity);
    }
}
