package vn.ansinh.reporting.repository;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import vn.ansinh.reporting.domain.IndicatorFamily;
import vn.ansinh.reporting.domain.Indicators.Place;

/**
 * The aggregate queries over the read models, grouped by commune (the service rolls them up),
 * and the table of published indicator values. A null set of years means every year.
 */
@ApplicationScoped
public class IndicatorRepository {


    private final EntityManager entityManager;

    public IndicatorRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The publishing round of this transaction, if no other replica holds it ("publish" in ASCII). */
    public boolean claimRound() {
        return (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, 0x7075626c697368L).getSingleResult();
    }

    /** Takes the changed scopes: family and year (0: every year). */
    @SuppressWarnings("unchecked")
    public List<Object[]> takeDirty() {
        return entityManager.createNativeQuery("DELETE FROM dirty_scope RETURNING family, year").getResultList();
    }

    /** year, commune, district, ethnic minority, merit family, households, poor, near-poor. */
    public List<Object[]> povertyByCommune(Set<Integer> years) {
        return rows("""
                SELECT year, area_code, district_code, ethnic_minority, merit_family, count(*),
                       count(*) FILTER (WHERE category = 'POOR'), count(*) FILTER (WHERE category = 'NEAR_POOR')
                FROM household_year WHERE %s GROUP BY 1, 2, 3, 4, 5
                """.formatted(yearIn("year", years)), years);
    }

    /** year, commune, district, people in poor and near-poor households. */
    public List<Object[]> poorPeopleByCommune(Set<Integer> years) {
        return rows("""
                SELECT year, area_code, district_code, sum(members)
                FROM household_year WHERE category IN ('POOR', 'NEAR_POOR') AND %s GROUP BY 1, 2, 3
                """.formatted(yearIn("year", years)), years);
    }

    /** survey year, commune, district, people of poor and near-poor households with a card that took effect. */
    public List<Object[]> cardsByCommune(Set<Integer> years) {
        return rows("""
                SELECT survey_year, area_code, district_code, count(DISTINCT member_id)
                FROM entitlement
                WHERE programme = 'HEALTH_INSURANCE' AND standing IN ('POOR', 'NEAR_POOR')
                  AND (ended_on IS NULL OR ended_on > period_start) AND %s
                GROUP BY 1, 2, 3
                """.formatted(yearIn("survey_year", years)), years);
    }

    /** year of first disbursement, commune, district, households, loans, disbursed, outstanding. */
    public List<Object[]> loansByCommune() {
        return rows("""
                SELECT disbursed_year, area_code, district_code, count(DISTINCT household_id), count(*),
                       sum(disbursed_vnd), sum(outstanding_vnd)
                FROM application WHERE programme = 'PREFERENTIAL_LOAN' AND disbursed_year IS NOT NULL
                GROUP BY 1, 2, 3
                """, null);
    }

    /** year of completion, commune, district, new houses, repaired houses. */
    public List<Object[]> housesByCommune() {
        return rows("""
                SELECT completed_year, area_code, district_code, count(*) FILTER (WHERE kind = 'NEW_BUILD'),
                       count(*) FILTER (WHERE kind <> 'NEW_BUILD')
                FROM application WHERE programme = 'HOUSING' AND completed_year IS NOT NULL
                GROUP BY 1, 2, 3
                """, null);
    }

    /** year, commune, district, trained, placed (a person trained one year may be placed the next). */
    public List<Object[]> trainingByCommune() {
        return rows("""
                SELECT year, area_code, district_code, sum(trained), sum(placed) FROM (
                    SELECT completed_year AS year, area_code, district_code, 1 AS trained, 0 AS placed
                    FROM application WHERE programme = 'VOCATIONAL_TRAINING' AND completed_year IS NOT NULL
                    UNION ALL
                    SELECT placed_year, area_code, district_code, 0, 1
                    FROM application WHERE programme = 'VOCATIONAL_TRAINING' AND placed_year IS NOT NULL) milestones
                GROUP BY 1, 2, 3
                """, null);
    }

    /** programme, year, funding source, allocated, committed, paid. */
    public List<Object[]> budgets(Set<Integer> years) {
        return rows("""
                SELECT programme, year, funding_source, allocated_vnd, committed_vnd, paid_vnd
                FROM budget WHERE %s ORDER BY 1, 2, 3
                """.formatted(yearIn("year", years)), years);
    }

    /** Code → place of every administrative unit known from the registry's area events. */
    @SuppressWarnings("unchecked")
    public Map<String, Place> places() {
        Map<String, Place> places = new HashMap<>();
        List<Object[]> rows = entityManager.createNativeQuery("SELECT level, code, name, parent_code FROM area")
                .getResultList();
        for (Object[] row : rows) {
            places.put((String) row[1], new Place((String) row[0], (String) row[1], (String) row[2], (String) row[3]));
        }
        return places;
    }

    /** The stored values (JSON text, without computedAt) of a family's indicators, by key. */
    @SuppressWarnings("unchecked")
    public Map<String, String> published(IndicatorFamily family, Collection<String> keys) {
        Map<String, String> values = new HashMap<>();
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT key, CAST(value AS text) FROM indicator WHERE topic = ?1 AND key = ANY(CAST(?2 AS text[]))")
                .setParameter(1, family.topic()).setParameter(2, keys.toArray(String[]::new)).getResultList();
        for (Object[] row : rows) {
            values.put((String) row[0], (String) row[1]);
        }
        return values;
    }

    /** One row of the indicator table. */
    public record Row(String topic, String key, String indicator, int year, String group, String areaLevel,
            String areaCode, String parentCode, String valueJson, java.time.Instant computedAt) {
    }

    public void store(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO indicator (topic, key, indicator, year, grp, area_level, area_code, parent_code, value,
                        computed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS timestamptz))
                    ON CONFLICT (topic, key) DO UPDATE SET value = EXCLUDED.value, computed_at = EXCLUDED.computed_at,
                        parent_code = EXCLUDED.parent_code
                    """)) {
                for (Row row : rows) {
                    upsert.setString(1, row.topic());
                    upsert.setString(2, row.key());
                    upsert.setString(3, row.indicator());
                    upsert.setInt(4, row.year());
                    upsert.setString(5, row.group());
                    upsert.setString(6, row.areaLevel());
                    upsert.setString(7, row.areaCode());
                    upsert.setString(8, row.parentCode());
                    upsert.setString(9, row.valueJson());
                    upsert.setString(10, row.computedAt().toString());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    /** Published values, filtered (null = any), ordered for reading; at most {@code limit} from {@code offset}. */
    @SuppressWarnings("unchecked")
    public List<Object[]> find(String indicator, Integer year, String areaLevel, String areaCode, String parentCode,
            String group, int offset, int limit) {
        StringBuilder sql = new StringBuilder(
                "SELECT CAST(value AS text), computed_at, count(*) OVER () FROM indicator WHERE indicator = ?1");
        List<Object> parameters = new ArrayList<>(List.of(indicator));
        filter(sql, parameters, "year", year);
        filter(sql, parameters, "area_level", areaLevel);
        filter(sql, parameters, "area_code", areaCode);
        filter(sql, parameters, "parent_code", parentCode);
        filter(sql, parameters, "grp", group);
        sql.append(" ORDER BY year, CASE area_level WHEN 'PROVINCE' THEN 0 WHEN 'DISTRICT' THEN 1 ELSE 2 END,"
                + " area_code, key OFFSET ").append(offset).append(" LIMIT ").append(limit);
        var query = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query.getResultList();
    }

    private static void filter(StringBuilder sql, List<Object> parameters, String column, Object value) {
        if (value != null) {
            parameters.add(value);
            sql.append(" AND ").append(column).append(" = ?").append(parameters.size());
        }
    }

    private static String yearIn(String column, Set<Integer> years) {
        return years == null ? "true" : column + " = ANY(CAST(?1 AS int[]))";
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Set<Integer> years) {
        var query = entityManager.createNativeQuery(sql);
        if (years != null) {
            query.setParameter(1, years.toArray(Integer[]::new));
        }
        return new ArrayList<>(query.getResultList());
    }
}
