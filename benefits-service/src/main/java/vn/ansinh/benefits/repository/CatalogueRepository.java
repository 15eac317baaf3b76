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

    /**
     * The catalogue as it is now. Every event needs it and it rarely changes: the snapshot is
     * kept and read again only when the version counter (raised by every change, on any replica)
     * moved — one tiny query instead of three.
     */
    public Catalogue load() {
        long version = ((Number) entityManager.createNativeQuery("SELECT version FROM catalogue_version")
                .getSingleResult()).longValue();
        Snapshot current = snapshot;
        if (current == null || current.version() != version) {
            current = new Snapshot(version, read());
            snapshot = current;
        }
        return current.catalogue();
    }

    /** Records that the catalogue changed, in the change's transaction. */
    public void changed() {
        entityManager.createNativeQuery("UPDATE catalogue_version SET version = version + 1").executeUpdate();
    }

    private record Snapshot(long version, Catalogue catalogue) {
    }

    private volatile Snapshot snapshot;

    private Catalogue read() {
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
        changed();
    }
}
