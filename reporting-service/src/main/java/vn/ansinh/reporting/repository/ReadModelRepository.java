package vn.ansinh.reporting.repository;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import vn.ansinh.platform.db.CopyIn;
import vn.ansinh.reporting.domain.Facts.AreaChanged;
import vn.ansinh.reporting.domain.Facts.ApplicationRow;
import vn.ansinh.reporting.domain.Facts.Budget;
import vn.ansinh.reporting.domain.Facts.Entitlement;
import vn.ansinh.reporting.domain.Facts.HouseholdClassified;
import vn.ansinh.reporting.domain.Facts.HouseholdPlaced;
import vn.ansinh.reporting.domain.Facts.Timed;

/**
 * Writes the read models a whole consumer batch at a time: per table, the batch's rows go with
 * one binary {@code COPY} into a temporary table of the same columns, then into the table with
 * one upsert, guarded so that an older fact never replaces a newer one. Callers pass at most one
 * row per key (the batch's latest), and each table once per transaction (the temporary table is
 * emptied at commit). The rows were passed as arrays to {@code unnest} before: encoding them as
 * text arrays here and parsing them there was a third of reporting's work in a province's load.
 */
@ApplicationScoped
public class ReadModelRepository {

    private final EntityManager entityManager;

    public ReadModelRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void placeHouseholds(Collection<Timed<HouseholdPlaced>> rows) {
        upsert("household_area", rows, """
                ON CONFLICT (household_id) DO UPDATE SET area_code = EXCLUDED.area_code, event_time = EXCLUDED.event_time
                WHERE household_area.event_time <= EXCLUDED.event_time
                """, column("household_id", r -> r.fact().householdId()), column("area_code", r -> r.fact().areaCode()),
                column("event_time", Timed::time));
    }

    public void classifyHouseholds(Collection<Timed<HouseholdClassified>> rows) {
        upsert("household_year", rows, """
                ON CONFLICT (household_id, year) DO UPDATE SET category = EXCLUDED.category,
                    area_code = EXCLUDED.area_code, district_code = EXCLUDED.district_code,
                    ethnic_minority = EXCLUDED.ethnic_minority, merit_family = EXCLUDED.merit_family,
                    members = EXCLUDED.members, event_time = EXCLUDED.event_time
                WHERE household_year.event_time <= EXCLUDED.event_time
                """, column("household_id", r -> r.fact().householdId()), column("year", r -> r.fact().year()),
                column("category", r -> r.fact().category()), column("area_code", r -> r.fact().areaCode()),
                column("district_code", r -> r.fact().districtCode()),
                column("ethnic_minority", r -> r.fact().ethnicMinority()),
                column("merit_family", r -> r.fact().meritFamily()), column("members", r -> r.fact().members()),
                column("event_time", Timed::time));
    }

    public void changeAreas(Collection<Timed<AreaChanged>> rows) {
        upsert("area", rows, """
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level,
                    parent_code = EXCLUDED.parent_code, valid_to = EXCLUDED.valid_to,
                    successor_code = EXCLUDED.successor_code, event_time = EXCLUDED.event_time
                WHERE area.event_time <= EXCLUDED.event_time
                """, column("code", r -> r.fact().code()), column("name", r -> r.fact().name()),
                column("level", r -> r.fact().level()), column("parent_code", r -> r.fact().parentCode()),
                column("valid_to", r -> r.fact().validTo()), column("successor_code", r -> r.fact().successorCode()),
                column("event_time", Timed::time));
    }

    public void putEntitlements(Collection<Timed<Entitlement>> rows) {
        upsert("entitlement", rows, """
                ON CONFLICT (entitlement_id) DO UPDATE SET standing = EXCLUDED.standing, status = EXCLUDED.status,
                    ended_on = EXCLUDED.ended_on, area_code = EXCLUDED.area_code,
                    district_code = EXCLUDED.district_code, event_time = EXCLUDED.event_time
                WHERE entitlement.event_time <= EXCLUDED.event_time
                """, column("entitlement_id", r -> r.fact().entitlementId()),
                column("programme", r -> r.fact().programme()), column("household_id", r -> r.fact().householdId()),
                column("member_id", r -> r.fact().memberId()), column("survey_year", r -> r.fact().surveyYear()),
                column("period_start", r -> r.fact().periodStart()), column("standing", r -> r.fact().standing()),
                column("status", r -> r.fact().status()), column("ended_on", r -> r.fact().endedOn()),
                column("area_code", r -> r.fact().areaCode()), column("district_code", r -> r.fact().districtCode()),
                column("event_time", Timed::time));
    }

    public void putApplications(Collection<ApplicationRow> rows) {
        // milestone years are kept once known: a late resend of an earlier state does not erase them
        upsert("application", rows, """
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
                """, column("application_id", r -> r.state().applicationId()),
                column("programme", r -> r.state().programme()), column("household_id", r -> r.state().householdId()),
                column("kind", r -> r.state().kind()), column("status", r -> r.state().status()),
                column("disbursed_vnd", r -> r.state().disbursedVnd()),
                column("outstanding_vnd", r -> r.state().outstandingVnd()),
                column("area_code", r -> r.state().areaCode()), column("district_code", r -> r.state().districtCode()),
                column("disbursed_year", ApplicationRow::disbursedYear),
                column("completed_year", ApplicationRow::completedYear),
                column("placed_year", ApplicationRow::placedYear), column("event_time", ApplicationRow::time));
    }

    public void putBudgets(Collection<Timed<Budget>> rows) {
        upsert("budget", rows, """
                ON CONFLICT (programme, year, funding_source) DO UPDATE SET allocated_vnd = EXCLUDED.allocated_vnd,
                    committed_vnd = EXCLUDED.committed_vnd, paid_vnd = EXCLUDED.paid_vnd, event_time = EXCLUDED.event_time
                WHERE budget.event_time <= EXCLUDED.event_time
                """, column("programme", r -> r.fact().programme()), column("year", r -> r.fact().year()),
                column("funding_source", r -> r.fact().fundingSource()),
                column("allocated_vnd", r -> r.fact().allocatedVnd()),
                column("committed_vnd", r -> r.fact().committedVnd()), column("paid_vnd", r -> r.fact().paidVnd()),
                column("event_time", Timed::time));
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

    /** A column of the table and how to take its value out of a row. */
    private record Column<T>(String name, Function<T, Object> value) {
    }

    private static <T> Column<T> column(String name, Function<T, Object> value) {
        return new Column<>(name, value);
    }

    @SafeVarargs
    private <T> void upsert(String table, Collection<T> rows, String onConflict, Column<T>... columns) {
        if (rows.isEmpty()) {
            return;
        }
        String incoming = "incoming_" + table;
        String names = Stream.of(columns).map(Column::name).collect(Collectors.joining(", "));
        CopyIn copy = new CopyIn(incoming, Stream.of(columns).map(Column::name).toArray(String[]::new));
        for (T row : rows) {
            Object[] values = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                values[i] = columns[i].value().apply(row);
            }
            copy.row(values);
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                // once per connection; a temporary table has no WAL, and is emptied at each commit
                statement.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + incoming + " (LIKE " + table
                        + ") ON COMMIT DELETE ROWS");
                copy.send(connection);
                statement.executeUpdate("INSERT INTO " + table + " (" + names + ") SELECT " + names + " FROM "
                        + incoming + " " + onConflict);
            }
        });
    }
}
