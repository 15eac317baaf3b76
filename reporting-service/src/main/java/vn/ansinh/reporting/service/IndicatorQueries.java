package vn.ansinh.reporting.service;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.ansinh.platform.problem.Problem;
import vn.ansinh.platform.problem.ProblemException;
import vn.ansinh.reporting.domain.AreaCount;
import vn.ansinh.reporting.domain.Indicators;
import vn.ansinh.reporting.domain.Rollup;
import vn.ansinh.reporting.repository.IndicatorRepository;
import vn.ansinh.reporting.repository.RegisteredHouseholdsRepository;

/** Reads the published indicator values, as the reporting topics carry them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class IndicatorQueries {

    /** Each indicator and the record that describes its value (its fields are the CSV columns). */
    public static final Map<String, Class<? extends Record>> INDICATORS = Map.of(
            Indicators.POVERTY_RATE, Indicators.PovertyRate.class,
            Indicators.HEALTH_INSURANCE, Indicators.HealthInsuranceCoverage.class,
            Indicators.LOANS, Indicators.Loans.class,
            Indicators.HOUSING, Indicators.Housing.class,
            Indicators.TRAINING, Indicators.Training.class,
            Indicators.BUDGET_EXECUTION, Indicators.BudgetExecution.class);
    private static final Set<String> LEVELS = Set.of(Rollup.PROVINCE, Rollup.DISTRICT, Rollup.COMMUNE);
    public static final int MAX_PAGE_SIZE = 5_000;

    public record Filter(Integer year, String level, String areaCode, String parentCode, String group) {
    }

    public record Page(List<ObjectNode> items, int page, int size, long total) {
    }

    private final IndicatorRepository indicators;
    private final RegisteredHouseholdsRepository registered;
    private final ObjectMapper mapper;

    public IndicatorQueries(IndicatorRepository indicators, RegisteredHouseholdsRepository registered,
            ObjectMapper mapper) {
        this.indicators = indicators;
        this.registered = registered;
        this.mapper = mapper;
    }

    /** The fields of an indicator's values, in order, then computedAt. */
    public List<String> columns(String indicator) {
        List<String> columns = new ArrayList<>();
        for (RecordComponent component : valueType(indicator).getRecordComponents()) {
            columns.add(component.getName());
        }
        columns.add("computedAt");
        return columns;
    }

    private static Class<? extends Record> valueType(String indicator) {
        Class<? extends Record> type = INDICATORS.get(indicator);
        if (type == null) {
            throw ProblemException.notFound("No indicator " + indicator + "; there are " + INDICATORS.keySet() + ".");
        }
        return type;
    }

    public Page find(String indicator, Filter filter, int page, int size) {
        valueType(indicator);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (filter.year() != null && (filter.year() < 2000 || filter.year() > 2100)) {
            errors.add(new Problem.FieldError("year", "must be a survey year between 2000 and 2100"));
        }
        if (filter.level() != null && !LEVELS.contains(filter.level())) {
            errors.add(new Problem.FieldError("level", "must be one of " + LEVELS));
        }
        if (page < 0) {
            errors.add(new Problem.FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new Problem.FieldError("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<Object[]> rows = indicators.find(indicator, filter.year(), filter.level(), filter.areaCode(),
                filter.parentCode(), filter.group(), page * size, size);
        List<ObjectNode> items = new ArrayList<>(rows.size());
        long total = 0;
        for (Object[] row : rows) {
            items.add(value((String) row[0], instant(row[1])));
            total = ((Number) row[2]).longValue();
        }
        return new Page(items, page, size, total);
    }

    public List<AreaCount> registeredByArea() {
        return registered.byArea();
    }

    private ObjectNode value(String json, Instant computedAt) {
        try {
            // decimals as stored: a rate of 20.00 stays 20.00
            return ((ObjectNode) mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .with(JsonNodeFactory.withExactBigDecimals(true)).readTree(json))
                    .put("computedAt", computedAt.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored indicator is not JSON", e);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
