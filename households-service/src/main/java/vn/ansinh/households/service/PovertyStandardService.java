package vn.ansinh.households.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.ansinh.households.domain.Classification;
import vn.ansinh.households.domain.DeprivationIndicator;
import vn.ansinh.households.domain.IncomeLines;
import vn.ansinh.households.domain.PovertyStandard;
import vn.ansinh.households.repository.PovertyStandardRepository;
import vn.ansinh.platform.problem.Problem.FieldError;
import vn.ansinh.platform.problem.ProblemException;

@ApplicationScoped
@Transactional
public class PovertyStandardService {

    private final PovertyStandardRepository standards;
    private final AuditLog audit;

    public PovertyStandardService(PovertyStandardRepository standards, AuditLog audit) {
        this.standards = standards;
        this.audit = audit;
    }

    /** A new period's standard as an officer enters it. */
    public record NewStandard(String id, String name, String legalBasis, int firstSurveyYear, int lastSurveyYear,
            IncomeLines rural, IncomeLines urban, int minDeprivationsPoor, List<DeprivationIndicator> indicators) {
    }

    public PovertyStandard create(NewStandard standard, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (standards.findById(standard.id()) != null) {
            errors.add(new FieldError("id", "a standard with id " + standard.id() + " exists"));
        }
        if (standard.lastSurveyYear() < standard.firstSurveyYear()) {
            errors.add(new FieldError("lastSurveyYear", "must not be before firstSurveyYear"));
        } else if (standards.overlaps(standard.firstSurveyYear(), standard.lastSurveyYear())) {
            errors.add(new FieldError("firstSurveyYear", "survey years " + standard.firstSurveyYear() + "–"
                    + standard.lastSurveyYear() + " overlap those of an existing standard"));
        }
        checkLines("rural", standard.rural(), errors);
        checkLines("urban", standard.urban(), errors);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < standard.indicators().size(); i++) {
            if (!codes.add(standard.indicators().get(i).code())) {
                errors.add(new FieldError("indicators[" + i + "].code", "appears twice"));
            }
        }
        if (standard.minDeprivationsPoor() > standard.indicators().size()) {
            errors.add(new FieldError("minDeprivationsPoor", "cannot exceed the number of indicators ("
                    + standard.indicators().size() + ")"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid poverty standard", "The standard has invalid fields.", errors);
        }
        PovertyStandard created = new PovertyStandard(standard.id(), standard.name(), standard.legalBasis(),
                standard.firstSurveyYear(), standard.lastSurveyYear(), standard.rural(), standard.urban(),
                standard.minDeprivationsPoor(), standard.indicators(), Instant.now(), actor);
        standards.persist(created);
        audit.record(actor, "poverty-standard.created", "poverty-standard", created.id(), null, standard);
        return created;
    }

    private static void checkLines(String field, IncomeLines lines, List<FieldError> errors) {
        if (lines.extremePoor() != null && lines.extremePoor() > lines.poor()) {
            errors.add(new FieldError(field + ".extremePoor", "must not exceed " + field + ".poor"));
        }
        if (lines.poor() > lines.nearPoor()) {
            errors.add(new FieldError(field + ".nearPoor", "must not be below " + field + ".poor"));
        }
        if (lines.nearPoor() > lines.average()) {
            errors.add(new FieldError(field + ".average", "must not be below " + field + ".nearPoor"));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PovertyStandard> all() {
        return standards.allByPeriod();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PovertyStandard get(String id) {
        return standards.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No poverty standard with id " + id + "."));
    }

    /** The standard a survey of that year is classified by; a field error names the years that have one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PovertyStandard forSurveyYear(String field, int year) {
        return standards.forSurveyYear(year).orElseThrow(() -> ProblemException.invalid(field,
                "no poverty standard covers survey year " + year + " (standards cover " + periods() + ")"));
    }

    /** Classifies answers with a standard, refusing indicator codes it does not have. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Classification classify(PovertyStandard standard, long income, Set<String> deprived, boolean urban) {
        List<String> unknown = standard.unknownIndicators(deprived);
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid("deprivations", "not indicators of " + standard.id() + ": "
                    + String.join(", ", unknown) + " (it has " + String.join(", ", standard.indicatorCodes().stream()
                            .sorted().toList()) + ")");
        }
        return standard.classify(income, deprived, urban);
    }

    private String periods() {
        return String.join(", ", standards.allByPeriod().stream()
                .map(s -> s.firstSurveyYear() + "–" + s.lastSurveyYear()).toList());
    }
}
