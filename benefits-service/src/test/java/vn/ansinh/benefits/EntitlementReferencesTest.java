package vn.ansinh.benefits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.ansinh.platform.testing.RealInfrastructure;

/**
 * The database's own guards of entitlements (V11): an entitlement names an existing programme,
 * household and member (checked once per statement) and keeps them, and the rows it names are
 * never deleted or renumbered.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EntitlementReferencesTest {

    private static final String ENTITLEMENT = "INSERT INTO entitlement (id, programme_code, household_id, member_id,"
            + " beneficiary_id, period, period_start, period_end, survey_year, standing, amount_vnd, state_vnd,"
            + " province_vnd, status, created_at, updated_at) SELECT gen_random_uuid(), '%s', '%s', %s,"
            + " gen_random_uuid(), '2024', DATE '2024-01-01', DATE '2024-12-31', 2023, 'POOR', 100, 100, 0, 'ACTIVE',"
            + " now(), now() FROM generate_series(1, %d)";

    @Inject
    DataSource dataSource;

    @Test
    void anEntitlementNamesAnExistingProgrammeHouseholdAndMember() throws Exception {
        UUID household = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        String nobody = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO household (id, code, area_code, registered_at, updated_at) VALUES ('" + household
                    + "', 'BG-ENT-REF', '96003', now(), now())");
            sql.execute("INSERT INTO member (id, household_id, full_name, date_of_birth, sex, relation_to_head,"
                    + " disability, school_enrolled, active, updated_at) VALUES ('" + member + "', '" + household
                    + "', 'Hoàng Văn An', '1990-01-01', 'MALE', 'HEAD', false, false, true, now())");
            // many rows naming the same references: accepted
            sql.execute(ENTITLEMENT.formatted("HEALTH_INSURANCE", household, "'" + member + "'", 3));
            sql.execute(ENTITLEMENT.formatted("ELECTRICITY", household, "NULL", 1));
            for (String change : List.of(ENTITLEMENT.formatted("HEALTH_INSURANCE", nobody, "NULL", 2),
                    ENTITLEMENT.formatted("HEALTH_INSURANCE", household, "'" + nobody + "'", 2),
                    ENTITLEMENT.formatted("NO_SUCH_PROGRAMME", household, "NULL", 2))) {
                SQLException refused = assertThrows(SQLException.class, () -> sql.execute(change), change);
                assertTrue(refused.getMessage().contains("which does not exist"), refused.getMessage());
            }
            String moved = "UPDATE entitlement SET household_id = '" + nobody + "' WHERE household_id = '" + household
                    + "'";
            SQLException kept = assertThrows(SQLException.class, () -> sql.execute(moved));
            assertTrue(kept.getMessage().contains("keeps its programme, household and member"), kept.getMessage());
            sql.execute("UPDATE entitlement SET amount_vnd = 200 WHERE household_id = '" + household + "'");
            for (String change : List.of("DELETE FROM member WHERE id = '" + member + "'",
                    "DELETE FROM household WHERE id = '" + household + "'",
                    "UPDATE household SET id = '" + nobody + "' WHERE id = '" + household + "'",
                    "DELETE FROM programme WHERE code = 'ELECTRICITY'")) {
                SQLException refused = assertThrows(SQLException.class, () -> sql.execute(change), change);
                assertTrue(refused.getMessage().contains("never deleted or renumbered"), refused.getMessage());
            }
            try (ResultSet rows = sql.executeQuery("SELECT count(*), sum(amount_vnd) FROM entitlement WHERE household_id = '"
                    + household + "'")) {
                rows.next();
                assertEquals(4, rows.getInt(1));
                assertEquals(800, rows.getLong(2));
            }
        }
    }
}
