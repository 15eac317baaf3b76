package vn.ansinh.benefits.service;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.ansinh.benefits.domain.Catalogue;
import vn.ansinh.benefits.domain.Parameter;
import vn.ansinh.benefits.repository.CatalogueRepository;
import vn.ansinh.platform.problem.ProblemException;

/** The programme catalogue and its dated amounts. */
@ApplicationScoped
@Transactional
public class CatalogueService {

    private final CatalogueRepository catalogue;

    public CatalogueService(CatalogueRepository catalogue) {
        this.catalogue = catalogue;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Catalogue current() {
        return catalogue.load();
    }

    /**
     * A new value of an amount from a date. The date may not be in the past: what was owed
     * before a decree changed stays what it was.
     */
    public Parameter setParameter(String name, LocalDate validFrom, long value, String legalBasis, LocalDate today) {
        if (!catalogue.parameterExists(name)) {
            throw ProblemException.invalid("name", "no amount is called " + name);
        }
        if (validFrom.isBefore(today)) {
            throw ProblemException.invalid("validFrom", "is in the past; a new amount applies from today or later");
        }
        if (catalogue.findParameter(name, validFrom) != null) {
            throw ProblemException.conflict(name + " already has a value from " + validFrom + ".");
        }
        Parameter previous = current().parameters().stream().filter(p -> p.name().equals(name)).reduce((a, b) -> b)
                .orElseThrow();
        Parameter parameter = new Parameter(name, validFrom, value, previous.unit(), legalBasis);
        catalogue.persist(parameter);
        return parameter;
    }
}
