package vn.ansinh.reporting.service;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import vn.ansinh.reporting.domain.Facts.AreaChanged;
import vn.ansinh.reporting.domain.Facts.ApplicationRow;
import vn.ansinh.reporting.domain.Facts.Budget;
import vn.ansinh.reporting.domain.Facts.Entitlement;
import vn.ansinh.reporting.domain.Facts.HouseholdClassified;
import vn.ansinh.reporting.domain.Facts.HouseholdPlaced;
import vn.ansinh.reporting.domain.Facts.Timed;
import vn.ansinh.reporting.domain.IndicatorFamily;

/**
 * The facts of one consumer batch, the latest per key (events of one key arrive in order), and
 * the indicator families and years they touch.
 */
public final class FactBatch {

    private final Map<UUID, Timed<HouseholdPlaced>> placed = new LinkedHashMap<>();
    private final Map<String, Timed<HouseholdClassified>> classified = new LinkedHashMap<>();
    private final Map<String, Timed<AreaChanged>> areas = new LinkedHashMap<>();
    private final Map<UUID, Timed<Entitlement>> entitlements = new LinkedHashMap<>();
    private final Map<UUID, ApplicationRow> applications = new LinkedHashMap<>();
    private final Map<String, Timed<Budget>> budgets = new LinkedHashMap<>();
    /** An indicator family and a year (or {@link IndicatorFamily#EVERY_YEAR}) whose values may have changed. */
    public record Scope(IndicatorFamily family, int year) {
    }

    // ordered, so that concurrent batches mark the same scopes in the same order
    private final TreeSet<Scope> dirty = new TreeSet<>(
            java.util.Comparator.comparing(Scope::family).thenComparingInt(Scope::year));

    public void placed(HouseholdPlaced fact, Instant time) {
        keepNewer(placed, fact.householdId(), new Timed<>(fact, time));
    }

    public void classified(HouseholdClassified fact, Instant time) {
        keepNewer(classified, fact.householdId() + "/" + fact.year(), new Timed<>(fact, time));
        touch(IndicatorFamily.POVERTY, fact.year());
        touch(IndicatorFamily.COVERAGE, fact.year());
    }

    public void area(AreaChanged fact, Instant time) {
        keepNewer(areas, fact.code(), new Timed<>(fact, time));
        // names and parents appear in every area indicator
        for (IndicatorFamily family : IndicatorFamily.values()) {
            touch(family, IndicatorFamily.EVERY_YEAR);
        }
    }

    public void entitlement(Entitlement fact, Instant time) {
        keepNewer(entitlements, fact.entitlementId(), new Timed<>(fact, time));
        touch(IndicatorFamily.COVERAGE, fact.surveyYear());
    }

    public void application(ApplicationRow row) {
        applications.merge(row.state().applicationId(), row, ApplicationRow::then);
        // a repayment changes the loan of the year it was disbursed in, which the event does not say
        touch(IndicatorFamily.SUPPORT, IndicatorFamily.EVERY_YEAR);
    }

    public void budget(Budget fact, Instant time) {
        keepNewer(budgets, fact.programme() + "/" + fact.year() + "/" + fact.fundingSource(), new Timed<>(fact, time));
        touch(IndicatorFamily.BUDGET, fact.year());
    }

    /** Within a batch as across batches: an older fact (a late resend) does not replace a newer one. */
    private static <K, T> void keepNewer(Map<K, Timed<T>> facts, K key, Timed<T> fact) {
        facts.merge(key, fact, (held, arriving) -> arriving.time().isBefore(held.time()) ? held : arriving);
    }

    private void touch(IndicatorFamily family, int year) {
        dirty.add(new Scope(family, year));
    }

    public Collection<Timed<HouseholdPlaced>> placed() {
        return placed.values();
    }

    public Collection<Timed<HouseholdClassified>> classified() {
        return classified.values();
    }

    public Collection<Timed<AreaChanged>> areas() {
        return areas.values();
    }

    public Collection<Timed<Entitlement>> entitlements() {
        return entitlements.values();
    }

    public Collection<ApplicationRow> applications() {
        return applications.values();
    }

    public Collection<Timed<Budget>> budgets() {
        return budgets.values();
    }

    /** Every scope the batch touched. */
    public TreeSet<Scope> dirty() {
        return dirty;
    }
}
