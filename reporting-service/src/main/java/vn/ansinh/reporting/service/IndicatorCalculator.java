package vn.ansinh.reporting.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.ansinh.reporting.domain.IndicatorFamily;
import vn.ansinh.reporting.domain.Indicators;
import vn.ansinh.reporting.domain.Indicators.BudgetExecution;
import vn.ansinh.reporting.domain.Indicators.HealthInsuranceCoverage;
import vn.ansinh.reporting.domain.Indicators.Housing;
import vn.ansinh.reporting.domain.Indicators.Loans;
import vn.ansinh.reporting.domain.Indicators.Place;
import vn.ansinh.reporting.domain.Indicators.PovertyRate;
import vn.ansinh.reporting.domain.Indicators.Training;
import vn.ansinh.reporting.domain.Rollup;
import vn.ansinh.reporting.repository.IndicatorRepository;

/**
 * Computes the indicators of a family for some years from the read models: the database groups
 * by commune, this class rolls the communes up into districts and the province.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class IndicatorCalculator {

    /** One computed value, with what identifies it on its topic and in the indicator table. */
    public record Computed(IndicatorFamily family, String key, String indicator, int year, String group,
            String areaLevel, String areaCode, String parentCode, Object value) {
    }

    private final IndicatorRepository indicators;
    private final ReportingConfig config;

    public IndicatorCalculator(IndicatorRepository indicators, ReportingConfig config) {
        this.indicators = indicators;
        this.config = config;
    }

    /** @param years the years to compute, or null for every year */
    public List<Computed> compute(IndicatorFamily family, Set<Integer> years, Map<String, Place> places) {
        return switch (family) {
            case POVERTY -> poverty(years, places);
            case COVERAGE -> coverage(years, places);
            case SUPPORT -> support(places);
            case BUDGET -> budget(years);
        };
    }

    /**
     * A year's change is against the year before, so the years around a changed one are read too,
     * and the year after it is published again (its change moved).
     */
    private List<Computed> poverty(Set<Integer> years, Map<String, Place> places) {
        Set<Integer> read = null;
        if (years != null) {
            read = new HashSet<>();
            for (int year : years) {
                read.add(year - 1);
                read.add(year);
                read.add(year + 1);
            }
        }
        Rollup rollup = new Rollup(config.provinceCode(), 3);
        for (Object[] row : indicators.povertyByCommune(read)) {
            int year = number(row[0]).intValue();
            long[] counts = {number(row[5]).longValue(), number(row[6]).longValue(), number(row[7]).longValue()};
            rollup.add(year, Indicators.ALL, (String) row[1], (String) row[2], counts);
            if ((Boolean) row[3]) {
                rollup.add(year, Indicators.ETHNIC_MINORITY, (String) row[1], (String) row[2], counts);
            }
            if ((Boolean) row[4]) {
                rollup.add(year, Indicators.MERIT_FAMILY, (String) row[1], (String) row[2], counts);
            }
        }
        List<Computed> computed = new ArrayList<>();
        rollup.forEach((key, sums) -> {
            if (years != null && !years.contains(key.year()) && !years.contains(key.year() - 1)) {
                return;
            }
            long[] now = sums.values();
            long[] before = rollup.get(key.year() - 1, key.group(), key.level(), key.code());
            BigDecimal poorRate = Indicators.percent(now[1], now[0]);
            BigDecimal nearPoorRate = Indicators.percent(now[2], now[0]);
            Place place = place(places, key, sums);
            PovertyRate value = new PovertyRate(Indicators.POVERTY_RATE, key.year(), key.group(), key.level(),
                    key.code(), place.areaName(), place.parentCode(), now[0], now[1], now[2], poorRate,
                    nearPoorRate, before == null ? null : key.year() - 1,
                    before == null ? null : Indicators.change(poorRate, Indicators.percent(before[1], before[0])),
                    before == null ? null : Indicators.change(nearPoorRate, Indicators.percent(before[2], before[0])));
            computed.add(computed(IndicatorFamily.POVERTY, Indicators.POVERTY_RATE, key, place, value));
        });
        return computed;
    }

    private List<Computed> coverage(Set<Integer> years, Map<String, Place> places) {
        Rollup rollup = new Rollup(config.provinceCode(), 2);
        for (Object[] row : indicators.poorPeopleByCommune(years)) {
            rollup.add(number(row[0]).intValue(), Indicators.ALL, (String) row[1], (String) row[2],
                    number(row[3]).longValue(), 0);
        }
        for (Object[] row : indicators.cardsByCommune(years)) {
            rollup.add(number(row[0]).intValue(), Indicators.ALL, (String) row[1], (String) row[2], 0,
                    number(row[3]).longValue());
        }
        List<Computed> computed = new ArrayList<>();
        rollup.forEach((key, sums) -> {
            long[] v = sums.values();
            Place place = place(places, key, sums);
            computed.add(computed(IndicatorFamily.COVERAGE, Indicators.HEALTH_INSURANCE, key, place, new HealthInsuranceCoverage(
                    Indicators.HEALTH_INSURANCE, key.year(), key.group(), key.level(), key.code(), place.areaName(),
                    place.parentCode(), v[0], v[1], Indicators.percent(v[1], v[0]))));
        });
        return computed;
    }

    /** Loans, houses and training, every year at once (a few thousand applications a year). */
    private List<Computed> support(Map<String, Place> places) {
        List<Computed> computed = new ArrayList<>();
        Rollup loans = new Rollup(config.provinceCode(), 4);
        for (Object[] row : indicators.loansByCommune()) {
            loans.add(number(row[0]).intValue(), Indicators.ALL, (String) row[1], (String) row[2],
                    number(row[3]).longValue(), number(row[4]).longValue(), number(row[5]).longValue(),
                    number(row[6]).longValue());
        }
        loans.forEach((key, sums) -> {
            long[] v = sums.values();
            Place place = place(places, key, sums);
            computed.add(computed(IndicatorFamily.SUPPORT, Indicators.LOANS, key, place, new Loans(Indicators.LOANS, key.year(),
                    key.group(), key.level(), key.code(), place.areaName(), place.parentCode(), v[0], v[1], v[2],
                    v[3])));
        });
        Rollup houses = new Rollup(config.provinceCode(), 2);
        for (Object[] row : indicators.housesByCommune()) {
            houses.add(number(row[0]).intValue(), Indicators.ALL, (String) row[1], (String) row[2],
                    number(row[3]).longValue(), number(row[4]).longValue());
        }
        houses.forEach((key, sums) -> {
            long[] v = sums.values();
            Place place = place(places, key, sums);
            computed.add(computed(IndicatorFamily.SUPPORT, Indicators.HOUSING, key, place, new Housing(Indicators.HOUSING, key.year(),
                    key.group(), key.level(), key.code(), place.areaName(), place.parentCode(), v[0], v[1])));
        });
        Rollup training = new Rollup(config.provinceCode(), 2);
        for (Object[] row : indicators.trainingByCommune()) {
            training.add(number(row[0]).intValue(), Indicators.ALL, (String) row[1], (String) row[2],
                    number(row[3]).longValue(), number(row[4]).longValue());
        }
        training.forEach((key, sums) -> {
            long[] v = sums.values();
            Place place = place(places, key, sums);
            computed.add(computed(IndicatorFamily.SUPPORT, Indicators.TRAINING, key, place, new Training(Indicators.TRAINING,
                    key.year(), key.group(), key.level(), key.code(), place.areaName(), place.parentCode(), v[0],
                    v[1])));
        });
        return computed;
    }

    private record ProgrammeYear(String programme, int year) {
    }

    /** Per programme, year and funding source, and the sum of the sources as source {@code ALL}. */
    private List<Computed> budget(Set<Integer> years) {
        Map<ProgrammeYear, long[]> totals = new LinkedHashMap<>();
        List<Computed> computed = new ArrayList<>();
        for (Object[] row : indicators.budgets(years)) {
            String programme = (String) row[0];
            int year = number(row[1]).intValue();
            long[] v = {number(row[3]).longValue(), number(row[4]).longValue(), number(row[5]).longValue()};
            computed.add(budget(programme, year, (String) row[2], v));
            long[] total = totals.computeIfAbsent(new ProgrammeYear(programme, year), k -> new long[3]);
            for (int i = 0; i < 3; i++) {
                total[i] += v[i];
            }
        }
        totals.forEach((key, v) -> computed.add(budget(key.programme(), key.year(), Indicators.ALL, v)));
        return computed;
    }

    private Computed budget(String programme, int year, String source, long[] v) {
        String province = config.provinceCode();
        BudgetExecution value = new BudgetExecution(Indicators.BUDGET_EXECUTION, year, Indicators.ALL,
                Rollup.PROVINCE, province, null, null, programme, source, v[0], v[1], v[2], v[0] - v[1] - v[2],
                Indicators.percent(v[2], v[0]));
        return new Computed(IndicatorFamily.BUDGET, Indicators.BUDGET_EXECUTION + "/" + programme + "/" + source
                + "/" + year, Indicators.BUDGET_EXECUTION, year, programme, Rollup.PROVINCE, province,
                null, value);
    }

    private static Place place(Map<String, Place> places, Rollup.Key key, Rollup.Sums sums) {
        Place known = places.get(key.code());
        // the indicator names its unit as the registry names it now, under the parent it was counted in
        return new Place(key.level(), key.code(), known == null ? key.code() : known.areaName(), sums.parentCode());
    }

    private static Computed computed(IndicatorFamily family, String indicator, Rollup.Key key, Place place,
            Object value) {
        return new Computed(family, indicator + "/" + key.group() + "/" + key.code() + "/" + key.year(), indicator,
                key.year(), key.group(), key.level(), key.code(), place.parentCode(), value);
    }

    private static Number number(Object value) {
        return (Number) value;
    }
}
