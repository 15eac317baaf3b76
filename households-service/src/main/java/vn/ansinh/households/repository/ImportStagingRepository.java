package vn.ansinh.households.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    private static final int ROWS_PER_HOUSEHOLD = 4;
    // LEAST ignores nulls
    private static final String CHUNK_END = """
            SELECT LEAST(
                (SELECT code COLLATE "C" FROM import_household_row WHERE job_id = ? AND code COLLATE "C" > ?
                 ORDER BY code COLLATE "C" OFFSET ? LIMIT 1),
                (SELECT household_code COLLATE "C" FROM import_member_row
                 WHERE job_id = ? AND household_code COLLATE "C" > ? ORDER BY household_code COLLATE "C" OFFSET ? LIMIT 1),
                (SELECT household_code COLLATE "C" FROM import_survey_row
                 WHERE job_id = ? AND household_code COLLATE "C" > ? ORDER BY household_code COLLATE "C" OFFSET ? LIMIT 1))""";
    // rows of the chunk; %s is the end of its range, if it has one (see read)
    private static final String HOUSEHOLD_ROWS = """
            SELECT code, line, area_code, address, head_name, ethnic_minority, merit_family
            FROM import_household_row WHERE job_id = ? AND code COLLATE "C" > ? %s
            ORDER BY code COLLATE "C", line""";
    private static final String MEMBER_ROWS = """
            SELECT household_code, line, full_name, citizen_id, date_of_birth, sex, relation_to_head,
                   ethnicity, disability, school_enrolled, social_protection_type
            FROM import_member_row WHERE job_id = ? AND household_code COLLATE "C" > ? %s
            ORDER BY household_code COLLATE "C", line""";
    private static final String SURVEY_ROWS = """
            SELECT household_code, line, year, income_per_person_month, deprivations
            FROM import_survey_row WHERE job_id = ? AND household_code COLLATE "C" > ? %s
            ORDER BY household_code COLLATE "C", year""";

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

    /**
     * Statistics of the rows just staged: without them the planner takes the tables for nearly
     * empty, and reads each chunk by sorting all the rows after it (see readGroups).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void analyze() {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("ANALYZE " + String.join(", ", TABLES));
            }
        });
    }

    /** How many checks across rows there are; each can run on a connection of its own. */
    public int checks() {
        return CHECKS.size();
    }

    /** Runs one check across rows (0 to {@link #checks()} - 1), telling {@code sink} each problem found. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void check(UUID job, int index, Consumer<ImportError> sink) {
        Check check = CHECKS.get(index);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(check.sql())) {
                query.setObject(1, job);
                query.setFetchSize(1_000);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(new ImportError(check.file(), rows.getInt(1), rows.getString(2), rows.getString(3)));
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
     * Reads the staged rows of a job grouped by household code, in code order, about {@code size}
     * households at a time, so that memory holds one chunk only. Each chunk is read in a short
     * statement of its own, after the last code of the one before (keyset): one snapshot held open
     * for the whole import would keep PostgreSQL from reclaiming the outbox rows the relay deletes
     * meanwhile, and every relay query would walk all of them again. Runs outside any transaction,
     * while each chunk is applied in a transaction of its own.
     */
    public void readGroups(UUID job, int size, Consumer<List<HouseholdGroup>> chunkSink) {
        String after = "";
        while (true) {
            Map<String, HouseholdGroup> chunk = new TreeMap<>();
            String upTo;
            try (Connection connection = dataSource.getConnection()) {
                upTo = chunkEnd(connection, job, after, size);
                for (HouseholdRow row : read(connection, HOUSEHOLD_ROWS, "code", job, after, upTo,
                        ImportStagingRepository::household)) {
                    chunk.put(row.code(), new HouseholdGroup(row.code(), row, new ArrayList<>(), new ArrayList<>()));
                }
                for (MemberRow row : read(connection, MEMBER_ROWS, "household_code", job, after, upTo,
                        ImportStagingRepository::member)) {
                    group(chunk, row.householdCode()).members().add(row);
                }
                for (SurveyRow row : read(connection, SURVEY_ROWS, "household_code", job, after, upTo,
                        ImportStagingRepository::survey)) {
                    group(chunk, row.householdCode()).surveys().add(row);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the staged rows of import " + job, e);
            }
            if (!chunk.isEmpty()) {
                chunkSink.accept(new ArrayList<>(chunk.values()));
            }
            if (upTo == null) {
                return;
            }
            after = upTo;
        }
    }

    /**
     * Where the next chunk ends: the smallest of the {@code size}-th household code after
     * {@code after} in households.csv and the {@code 4 × size}-th in members.csv and surveys.csv
     * (a household has a few members and a survey a year; an import may bring members or surveys
     * of registered households only). Null when no file has that many rows left: the chunk then
     * runs to the end. Each is one short walk along the staging index.
     */
    private static String chunkEnd(Connection connection, UUID job, String after, int size) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(CHUNK_END)) {
            int[] offsets = {size - 1, ROWS_PER_HOUSEHOLD * size - 1, ROWS_PER_HOUSEHOLD * size - 1};
            for (int i = 0; i < 3; i++) {
                query.setObject(3 * i + 1, job);
                query.setString(3 * i + 2, after);
                query.setInt(3 * i + 3, offsets[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * The rows whose code is after {@code after} and up to {@code upTo} (to the end when null). The
     * end is a condition of its own rather than "? IS NULL OR ...", so that it bounds the index scan.
     */
    private static <T> List<T> read(Connection connection, String sql, String codeColumn, UUID job, String after,
            String upTo, RowReader<T> reader) throws SQLException {
        String range = upTo == null ? "" : "AND " + codeColumn + " COLLATE \"C\" <= ?";
        try (PreparedStatement query = connection.prepareStatement(sql.formatted(range))) {
            query.setObject(1, job);
            query.setString(2, after);
            if (upTo != null) {
                query.setString(3, upTo);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
            return rows;
        }
    }

    private static HouseholdRow household(ResultSet r) throws SQLException {
        return new HouseholdRow(r.getInt(2), r.getString(1), new Household.Details(r.getString(3), r.getString(4),
                r.getString(5), r.getBoolean(6), r.getBoolean(7)));
    }

    private static MemberRow member(ResultSet r) throws SQLException {
        return new MemberRow(r.getInt(2), r.getString(1), new Member.Details(r.getString(3), r.getString(4),
                r.getObject(5, LocalDate.class), Member.Sex.valueOf(r.getString(6)),
                Member.Relation.valueOf(r.getString(7)), r.getString(8), r.getBoolean(9), r.getBoolean(10),
                r.getString(11)));
    }

    private static SurveyRow survey(ResultSet r) throws SQLException {
        return new SurveyRow(r.getInt(2), r.getString(1), r.getInt(3), new Survey.Answers(r.getLong(4),
                Set.of((String[]) r.getArray(5).getArray())));
    }

    /** A household of the registry that the files change without a households.csv row. */
    private static HouseholdGroup group(Map<String, HouseholdGroup> chunk, String code) {
        return chunk.computeIfAbsent(code, c -> new HouseholdGroup(c, null, new ArrayList<>(), new ArrayList<>()));
    }
}
