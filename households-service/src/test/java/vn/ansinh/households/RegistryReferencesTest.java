package vn.ansinh.households;

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
 * The database's own guards of the registry: members and surveys name a registered household
 * (checked once per statement, V10), and a citizen ID is active in one household at most (a
 * unique index over active members).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RegistryReferencesTest {

    @Inject
    DataSource dataSource;

    @Test
    void noMemberOrSurveyNamesAHouseholdThatIsNotRegistered() throws Exception {
        String id = HouseholdResourceTest.register("BG-REF-001", "96003", List.of());
        String nobody = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            String member = "INSERT INTO member (id, household_id, full_name, date_of_birth, sex, relation_to_head,"
                    + " ethnicity, created_at, created_by) VALUES ('%s', '%s', 'Hoàng Thị Mai', '2001-01-01', 'FEMALE',"
                    + " 'CHILD', 'Tày', now(), 'test')";
            sql.execute(member.formatted(UUID.randomUUID(), id)); // a registered household: accepted
            for (String change : List.of(member.formatted(UUID.randomUUID(), nobody),
                    "UPDATE member SET household_id = '" + nobody + "' WHERE household_id = '" + id + "'",
                    "INSERT INTO survey (household_id, year, income_per_person_month, deprivations, area_code, urban,"
                            + " standard_id, category, deprivation_count, reason, recorded_at, recorded_by)"
                            + " SELECT '" + nobody + "', 2023, 900000, '{}', '96003', false, 'VN-2022-2025',"
                            + " 'POOR', 0, 'test', now(), 'test'")) {
                SQLException refused = assertThrows(SQLException.class, () -> sql.execute(change), change);
                assertTrue(refused.getMessage().contains("which is not registered"), refused.getMessage());
            }
            for (String change : List.of("DELETE FROM household WHERE id = '" + id + "'",
                    "UPDATE household SET id = '" + nobody + "' WHERE id = '" + id + "'")) {
                SQLException refused = assertThrows(SQLException.class, () -> sql.execute(change), change);
                assertTrue(refused.getMessage().contains("never deleted or renumbered"), refused.getMessage());
            }
            try (ResultSet members = sql.executeQuery("SELECT count(*) FROM member WHERE household_id = '" + id + "'")) {
                members.next();
                assertEquals(1, members.getInt(1));
            }
        }
    }

    @Test
    void aCitizenIdIsActiveInOneHouseholdAtMost() throws Exception {
        String first = HouseholdResourceTest.register("BG-REF-002", "96003", List.of());
        String second = HouseholdResourceTest.register("BG-REF-003", "96003", List.of());
        String member = "INSERT INTO member (id, household_id, full_name, citizen_id, date_of_birth, sex,"
                + " relation_to_head, ethnicity, active, left_on, created_at, created_by) VALUES ('%s', '%s',"
                + " 'Lý Văn Sáu', '024088009191', '1988-03-04', 'MALE', 'HEAD', 'Nùng', %s, %s, now(), 'test')";
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(member.formatted(UUID.randomUUID(), first, "true", "null"));
            String again = member.formatted(UUID.randomUUID(), second, "true", "null");
            SQLException refused = assertThrows(SQLException.class, () -> sql.execute(again));
            assertTrue(refused.getMessage().contains("member_active_citizen_id"), refused.getMessage());
            // a former membership does not count: the person left one household and lives in another
            sql.execute(member.formatted(UUID.randomUUID(), second, "false", "'2024-01-01'"));
            try (ResultSet members = sql.executeQuery("SELECT count(*) FROM member WHERE citizen_id = '024088009191'")) {
                members.next();
                assertEquals(2, members.getInt(1));
            }
        }
    }
}
