package vn.ansinh.reporting.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import vn.ansinh.reporting.domain.Facts.AreaChanged;
import vn.ansinh.reporting.domain.Facts.ApplicationRow;
import vn.ansinh.reporting.domain.Facts.Budget;
import vn.ansinh.reporting.domain.Facts.Entitlement;
import vn.ansinh.reporting.domain.Facts.HouseholdClassified;
import vn.ansinh.reporting.domain.Facts.HouseholdPlaced;
import vn.ansinh.reporting.domain.Facts.Timed;

/**
 * Writes the read models a whole consumer batch at a time: one statement per table, its rows
 * passed as arrays and unnested, each upsert guarded so that an older fact never replaces a
 * newer one. Callers pass at most one row per key (the batch's latest).
 */
@ApplicationScoped
public class ReadModelRepository {

    private final EntityManager entityManager;

    public ReadModelRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void placeHouseholds(Collection<Timed<HouseholdPlaced>> rows) {
        execute(rows, """
                INSERT INTO household_area (household_id, area_code, event_time)
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::timestamptz[])
                ON CONFLICT (household_id) DO UPDATE SET area_code = EXCLUDED.area_code, event_time = EXCLUDED.event_time
                WHERE household_area.event_time <= EXCLUDED.event_time
                """, columns(r -> r.fact().householdId(), "uuid"), columns(r -> r.fact().areaCode(), "text"));
    }

    public void classifyHouseholds(Collection<Timed<HouseholdClassified>> rows) {
        execute(rows, """
                INSERT INTO household_year (household_id, year, category, area_code, district_code, ethnic_minority,
                    merit_family, members, event_time)
                SELECT * FROM unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::boolean[],
                    ?::int[], ?::timestamptz[])
                ON CONFLICT (household_id, year) DO UPDATE SET category = EXCLUDED.category,
                    area_code = EXCLUDED.area_code, district_code = EXCLUDED.district_code,
                    ethnic_minority = EXCLUDED.ethnic_minority, merit_family = EXCLUDED.merit_family,
                    members = EXCLUDED.members, event_time = EXCLUDED.event_time
                WHERE household_year.event_time <= EXCLUDED.event_time
                """, columns(r -> r.fact().householdId(), "uuid"), columns(r -> r.fact().year(), "int4"),
                columns(r -> r.fact().category(), "text"), columns(r -> r.fact().areaCode(), "text"),
                columns(r -> r.fact().districtCode(), "text"), columns(r -> r.fact().ethnicMinority(), "bool"),
                columns(r -> r.fact().meritFamily(), "bool"), columns(r -> r.fact().members(), "int4"));
    }

    public void changeAreas(Collection<Timed<AreaChanged>> rows) {
        execute(rows, """
                INSERT INTO area (code, name, level, parent_code, valid_to, successor_code, event_time)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::timestamptz[])
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level,
                    parent_code = EXCLUDED.parent_code, valid_to = EXCLUDED.valid_to,
                    successor_code = EXCLUDED.successor_code, event_time = EXCLUDED.event_time
                WHERE area.event_time <= EXCLUDED.event_time
                """, columns(r -> r.fact().code(), "text"), columns(r -> r.fact().name(), "text"),
                columns(r -> r.fact().level(), "text"), columns(r -> r.fact().parentCode(), "text"),
                columns(r -> date(r.fact().validTo()), "date"), columns(r -> r.fact().successorCode(), "text"));
    }

    public void putEntitlements(Collection<Timed<Entitlement>> rows) {
        execute(rows, """
                INSERT INTO entitlement (entitlement_id, programme, household_id, member_id, survey_year, period_start,
                    standing, status, ended_on, area_code, district_code, event_time)
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::int[], ?::date[], ?::text[],
                    ?::text[], ?::date[], ?::text[], ?::text[], ?::timestamptz[])
                ON CONFLICT (entitlement_id) DO UPDATE SET standing = EXCLUDED.standing, status = EXCLUDED.status,
                    ended_on = EXCLUDED.ended_on, area_code = EXCLUDED.area_code,
                    district_code = EXCLUDED.district_code, event_time = EXCLUDED.event_time
                WHERE entitlement.event_time <= EXCLUDED.event_time
                """, columns(r -> r.fact().entitlementId(), "uuid"), columns(r -> r.fact().programme(), "text"),
                columns(r -> r.fact().householdId(), "uuid"), columns(r -> r.fact().memberId(), "uuid"),
                columns(r -> r.fact().surveyYear(), "int4"), columns(r -> date(r.fact().periodStart()), "date"),
                columns(r -> r.fact().standing(), "text"), columns(r -> r.fact().status(), "text"),
                columns(r -> date(r.fact().endedOn()), "date"), columns(r -> r.fact().areaCode(), "text"),
                columns(r -> r.fact().districtCode(), "text"));
    }

    public void putApplications(Collection<ApplicationRow> rows) {
        // milestone years are kept once known: a late resend of an earlier state does not erase them
        execute(rows.stream().map(r -> new Timed<>(r, r.time())).toList(), """
                INSERT INTO application (application_id, programme, household_id, kind, status, disbursed_vnd,
                    outstanding_vnd, area_code, district_code, disbursed_year, completed_year, placed_year, event_time)
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::int8[], ?::int8[],
                    ?::text[], ?::text[], ?::int[], ?::int[], ?::int[], ?::timestamptz[])
                ON CONFLICT (application_id) DO UPDATE SET
                    kind = CASE WHEN application.event_time <= EXCLUDED.event_time THEN EXCLUDED.kind ELSE application.kind END,
                    status = CASE WHEN application.event_time <= EXCLUDED.event_time THEN EXCLUDED.status ELSE application.status END,
                    disbursed_vnd = CASE WHEN application.event_time <= EXCLUDED.event_time THEN EXCLUDED.disbursed_vnd ELSE application.disbursed_vnd END,
                    outstanding_vnd = CASE WHEN application.event_time <= EXCLUDED.event_time THEN EXCLUDED.outstanding_vnd ELSE application.outstanding_vnd END,
                    area_code = CASE WHEN application.event_time <= EXCLUDED.event_time THEN EXCLUDED.area_code ELSE application.area_code END,
                    district_code = CASE WHEN application.event_time <= EXCLUDED.event_time THEN EXCLUDED.district_code ELSE application.district_code END,
                    disbursed_year = COALESCE(application.disbursed_year, EXCLUDED.disbursed_year),
                    completed_year = COALESCE(application.completed_year, EXCLUDED.completed_year),
                    placed_year = COALESCE(application.placed_year, EXCLUDED.placed_year),
                    event_time = GREATEST(application.event_time, EXCLUDED.event_time)
                """, columns(r -> r.fact().state().applicationId(), "uuid"),
                columns(r -> r.fact().state().programme(), "text"), columns(r -> r.fact().state().householdId(), "uuid"),
                columns(r -> r.fact().state().kind(), "text"), columns(r -> r.fact().state().status(), "text"),
                columns(r -> r.fact().state().disbursedVnd(), "int8"),
                columns(r -> r.fact().state().outstandingVnd(), "int8"),
                columns(r -> r.fact().state().areaCode(), "text"), columns(r -> r.fact().state().districtCode(), "text"),
                columns(r -> r.fact().disbursedYear(), "int4"), columns(r -> r.fact().completedYear(), "int4"),
                columns(r -> r.fact().placedYear(), "int4"));
    }

    public void putBudgets(Collection<Timed<Budget>> rows) {
        execute(rows, """
                INSERT INTO budget (programme, year, funding_source, allocated_vnd, committed_vnd, paid_vnd, event_time)
                SELECT * FROM unnest(?::text[], ?::int[], ?::text[], ?::int8[], ?::int8[], ?::int8[], ?::timestamptz[])
                ON CONFLICT (programme, year, funding_source) DO UPDATE SET allocated_vnd = EXCLUDED.allocated_vnd,
                    committed_vnd = EXCLUDED.committed_vnd, paid_vnd = EXCLUDED.paid_vnd, event_time = EXCLUDED.event_time
                WHERE budget.event_time <= EXCLUDED.event_time
                """, columns(r -> r.fact().programme(), "text"), columns(r -> r.fact().year(), "int4"),
                columns(r -> r.fact().fundingSource(), "text"), columns(r -> r.fact().allocatedVnd(), "int8"),
                columns(r -> r.fact().committedVnd(), "int8"), columns(r -> r.fact().paidVnd(), "int8"));
    }

    /** Marks indicator families and years as changed (year 0: every year). */
    public void markDirty(Collection<String> families, Collection<Integer> years) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO dirty_scope (family, year)
                    SELECT * FROM unnest(?::text[], ?::int[]) ORDER BY 1, 2 ON CONFLICT DO NOTHING
                    """)) {
                insert.setArray(1, connection.createArrayOf("text", families.toArray()));
                insert.setArray(2, connection.createArrayOf("int4", years.toArray()));
                insert.executeUpdate();
            }
        });
    }

    /** One array parameter of an unnest: how to take the value out of a row, and its SQL element type. */
    private record Column<T>(Function<T, Object> value, String type) {
    }

    private static <T> Column<Timed<T>> columns(Function<Timed<T>, Object> value, String type) {
        return new Column<>(value, type);
    }

    @SafeVarargs
    private <T> void execute(Collection<Timed<T>> rows, String sql, Column<Timed<T>>... columns) {
        if (rows.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = 1;
                for (Column<Timed<T>> column : columns) {
                    statement.setArray(index++, array(connection, column.type(), rows, column.value()));
                }
                // the event time is always the last column
                statement.setArray(index, array(connection, "text", rows, r -> r.time().toString()));
                statement.executeUpdate();
            }
        });
    }

    private static <R> Array array(Connection connection, String type, Collection<R> rows, Function<R, Object> value)
            throws SQLException {
        List<Object> values = rows.stream().map(value).toList();
        return connection.createArrayOf(type, values.toArray());
    }

    private static java.sql.Date date(java.time.LocalDate day) {
        return day == null ? null : java.sql.Date.valueOf(day);
    }
}
