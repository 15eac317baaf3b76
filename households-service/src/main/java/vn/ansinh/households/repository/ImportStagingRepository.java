package vn.ansinh.households.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import vn.ansinh.households.domain.Household;
import vn.ansinh.households.domain.ImportError;
import vn.ansinh.households.domain.ImportRows;
import vn.ansinh.households.domain.ImportRows.HouseholdGroup;
import vn.ansinh.households.domain.ImportRows.HouseholdRow;
import vn.ansinh.households.domain.ImportRows.MemberRow;
import vn.ansinh.households.domain.ImportRows.SurveyRow;
import vn.ansinh.households.domain.Member;
import vn.ansinh.households.domain.Survey;
import vn.ansinh.platform.db.CopyIn;

/**
 * The staged rows of survey imports: written with COPY, checked against each other and the
 * registry with set-based queries, read back grouped by household for applying.
 */
@ApplicationScoped
public class ImportStagingRepository {

    private static final String[] TABLES = {"import_household_row", "import_member_row", "import_survey_row"};

    /** Checks across rows: each query takes the job id and yields line, column and message. */
    private static final List<Check> CHECKS = List.of(
            new Check(ImportRows.HOUSEHOLDS, """
                    SELECT line, 'household_code', 'repeats household ' || code || ' of line ' || first
                    FROM (SELECT line, code, min(line) OVER (PARTITION BY code) AS first
                          FROM import_household_row WHERE job_id = ?) r
                    WHERE line > first"""),
            new Check(ImportRows.HOUSEHOLDS, """
                    SELECT r.line, 'area_code', CASE WHEN a.code IS NULL
                        THEN 'no administrative unit has code ' || r.area_code
                        ELSE r.area_code || ' is not a commune in force' END
                    FROM import_household_row r LEFT JOIN area a ON a.code = r.area_code
                    WHERE r.job_id = ? AND (a.code IS NULL OR a.level <> 'COMMUNE' OR a.valid_to IS NOT NULL)"""),
            new Check(ImportRows.MEMBERS, unknownHousehold("import_member_row")),
            new Check(ImportRows.MEMBERS, """
                    SELECT line, 'citizen_id', 'repeats the citizen ID of line ' || first
                    FROM (SELECT line, min(line) OVER (PARTITION BY citizen_id) AS first
                          FROM import_member_row WHERE job_id = ? AND citizen_id IS NOT NULL) r
                    WHERE line > first"""),
            new Check(ImportRows.MEMBERS, """
                    SELECT r.line, 'citizen_id',
                           'citizen ID ' || r.citizen_id || ' is already an active member of household ' || h.code
                    FROM import_member_row r
                    JOIN member m ON m.citizen_id = r.citizen_id AND m.active
                    JOIN household h ON h.id = m.household_id
                    WHERE r.job_id = ? AND h.code <> r.household_code"""),
            new Check(ImportRows.SURVEYS, unknownHousehold("import_survey_row")),
            new Check(ImportRows.SURVEYS, """
                    SELECT line, 'year', 'repeats the ' || year || ' survey of household ' || household_code
                        || ' (line ' || first || ')'
                    FROM (SELECT line, year, household_code,
                                 min(line) OVER (PARTITION BY household_code, year) AS first
                          FROM import_survey_row WHERE job_id = ?) r
                    WHERE line > first"""),
            new Check(ImportRows.SURVEYS, """
                    SELECT r.line, 'year', 'no poverty standard covers survey year ' || r.year
                    FROM import_survey_row r
                    WHERE r.job_id = ? AND NOT EXISTS (SELECT 1 FROM poverty_standard s
                        WHERE r.year BETWEEN s.first_survey_year AND s.last_survey_year)"""),
            new Check(ImportRows.SURVEYS, """
                    SELECT r.line, 'deprivations', 'not indicators of ' || s.id || ': ' || u.codes
                    FROM import_survey_row r
                    JOIN poverty_standard s ON r.year BETWEEN s.first_survey_year AND s.last_survey_year
                    CROSS JOIN LATERAL (SELECT string_agg(d, ', ' ORDER BY d) AS codes FROM unnest(r.deprivations) d
                        WHERE NOT EXISTS (SELECT 1 FROM deprivation_indicator i
                                          WHERE i.standard_id = s.id AND i.code = d)) u
                    WHERE r.job_id = ? AND u.codes IS NOT NULL"""));

    private record Check(String file, String sql) {
    }

    private static String unknownHousehold(String table) {
        return "SELECT r.line, 'household_code', 'household ' || r.household_code"
                + " || ' is neither in households.csv nor in the registry' FROM " + table + " r"
                + " WHERE r.job_id = ? AND NOT EXISTS (SELECT 1 FROM import_household_row h"
                + " WHERE h.job_id = r.job_id AND h.code = r.household_code)"
                + " AND NOT EXISTS (SELECT 1 FROM household h WHERE h.code = r.household_code)";
    }

    private final EntityManager entityManager;
    private final DataSource dataSource;

    public ImportStagingRepository(EntityManager entityManager, DataSource dataSource) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
    }

    /** Rows being staged for one job, sent in batches. */
    public static final class Batch {
        private final UUID job;
        private final CopyIn households = new CopyIn(TABLES[0], "job_id", "line", "code", "area_code", "address",
                "head_name", "ethnic_minority", "merit_family");
        private final CopyIn members = new CopyIn(TABLES[1], "job_id", "line", "household_code", "full_name",
                "citizen_id", "date_of_birth", "sex", "relation_to_head", "ethnicity", "disability", "school_enrolled",
                "social_protection_type");
        private final CopyIn surveys = new CopyIn(TABLES[2], "job_id", "line", "household_code", "year",
                "income_per_person_month", "deprivations");

        public Batch(UUID job) {
            this.job = job;
        }

        public void add(HouseholdRow r) {
            Household.Details d = r.details();
            households.row(job, r.line(), r.code(), d.areaCode(), d.address(), d.headName(), d.ethnicMinority(),
                    d.meritFamily());
        }

        public void add(MemberRow r) {
            Member.Details d = r.details();
            members.row(job, r.line(), r.householdCode(), d.fullName(), d.citizenId(), d.dateOfBirth(), d.sex(),
                    d.relationToHead(), d.ethnicity(), d.disability(), d.schoolEnrolled(), d.socialProtectionType());
        }

        public void add(SurveyRow r) {
            surveys.row(job, r.line(), r.householdCode(), r.year(), r.answers().incomePerPersonMonth(),
                    r.answers().deprivations().stream().sorted().toList());
        }

        public int size() {
            return households.rows() + members.rows() + surveys.rows();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void send(Batch batch) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            batch.households.send(connection);
            batch.members.send(connection);
            batch.surveys.send(connection);
        });
    }

    /** Runs the checks across rows, telling {@code sink} each problem found. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void check(UUID job, Consumer<ImportError> sink) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            for (Check check : CHECKS) {
                try (PreparedStatement query = connection.prepareStatement(check.sql())) {
                    query.setObject(1, job);
                    query.setFetchSize(1_000);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            sink.accept(new ImportError(check.file(), rows.getInt(1), rows.getString(2),
                                    rows.getString(3)));
                        }
                    }
                }
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(UUID job) {
        for (String table : TABLES) {
            entityManager.createNativeQuery("DELETE FROM " + table + " WHERE job_id = ?1").setParameter(1, job)
                    .executeUpdate();
        }
    }

    /**
     * Reads the staged rows of a job grouped by household code, in code order, {@code size} groups
     * at a time: three ordered cursors merged, so that memory holds one chunk only. Runs outside
     * any transaction, on its own connection, while each chunk is applied in a transaction of its own.
     */
    public void readGroups(UUID job, int size, Consumer<List<HouseholdGroup>> chunkSink) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Cursor households = new Cursor(connection, job, """
                    SELECT code, line, area_code, address, head_name, ethnic_minority, merit_family
                    FROM import_household_row WHERE job_id = ? ORDER BY code COLLATE "C", line""");
                    Cursor members = new Cursor(connection, job, """
                            SELECT household_code, line, full_name, citizen_id, date_of_birth, sex, relation_to_head,
                                   ethnicity, disability, school_enrolled, social_protection_type
                            FROM import_member_row WHERE job_id = ? ORDER BY household_code COLLATE "C", line""");
                    Cursor surveys = new Cursor(connection, job, """
                            SELECT household_code, line, year, income_per_person_month, deprivations
                            FROM import_survey_row WHERE job_id = ? ORDER BY household_code COLLATE "C", year""")) {
                List<HouseholdGroup> chunk = new ArrayList<>(size);
                while (true) {
                    String code = min(households.code(), members.code(), surveys.code());
                    if (code == null) {
                        break;
                    }
                    HouseholdRow household = null;
                    if (code.equals(households.code())) {
                        ResultSet r = households.rows;
                        household = new HouseholdRow(r.getInt(2), code, new Household.Details(r.getString(3),
                                r.getString(4), r.getString(5), r.getBoolean(6), r.getBoolean(7)));
                        households.next();
                    }
                    List<MemberRow> memberRows = new ArrayList<>();
                    while (code.equals(members.code())) {
                        ResultSet r = members.rows;
                        memberRows.add(new MemberRow(r.getInt(2), code, new Member.Details(r.getString(3),
                                r.getString(4), r.getObject(5, java.time.LocalDate.class),
                                Member.Sex.valueOf(r.getString(6)), Member.Relation.valueOf(r.getString(7)),
                                r.getString(8), r.getBoolean(9), r.getBoolean(10), r.getString(11))));
                        members.next();
                    }
                    List<SurveyRow> surveyRows = new ArrayList<>();
                    while (code.equals(surveys.code())) {
                        ResultSet r = surveys.rows;
                        surveyRows.add(new SurveyRow(r.getInt(2), code, r.getInt(3), new Survey.Answers(r.getLong(4),
                                Set.of((String[]) r.getArray(5).getArray()))));
                        surveys.next();
                    }
                    chunk.add(new HouseholdGroup(code, household, memberRows, surveyRows));
                    if (chunk.size() == size) {
                        chunkSink.accept(chunk);
                        chunk = new ArrayList<>(size);
                    }
                }
                if (!chunk.isEmpty()) {
                    chunkSink.accept(chunk);
                }
            }
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the staged rows of import " + job, e);
        }
    }

    private static String min(String... codes) {
        return Arrays.stream(codes).filter(c -> c != null).min(String::compareTo).orElse(null);
    }

    /** An open, ordered query whose first column is the household code; null once exhausted. */
    private static final class Cursor implements AutoCloseable {
        private final PreparedStatement statement;
        private final ResultSet rows;
        private String code;

        Cursor(Connection connection, UUID job, String sql) throws SQLException {
            statement = connection.prepareStatement(sql);
            statement.setObject(1, job);
            statement.setFetchSize(2_000);
            rows = statement.executeQuery();
            next();
        }

        String code() {
            return code;
        }

        void next() throws SQLException {
            code = rows.next() ? rows.getString(1) : null;
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }
}
