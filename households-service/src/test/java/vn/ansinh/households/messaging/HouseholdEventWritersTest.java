package vn.ansinh.households.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import vn.ansinh.households.messaging.HouseholdEvents.HouseholdClassified;
import vn.ansinh.households.messaging.HouseholdEvents.HouseholdRegistered;
import vn.ansinh.households.messaging.HouseholdEvents.MemberDetails;
import vn.ansinh.platform.testing.EventContracts;

/** The hand-written writers write what databind writes for the same records, byte for byte. */
class HouseholdEventWritersTest {

    private static final ObjectMapper WRITERS = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final ObjectMapper DATABIND = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(MapperFeature.USE_ANNOTATIONS).build();

    @Test
    void aRegistrationWithItsMembersAndClassificationsIsWrittenAsDatabindWritesIt() throws Exception {
        UUID household = UUID.randomUUID();
        MemberDetails head = new MemberDetails(household, UUID.randomUUID(), "Hoàng Văn \"Tư\" 𠀀", "024312012345",
                LocalDate.of(1970, 1, 2), "MALE", "HEAD", "Tày", true, false, "ELDERLY");
        MemberDetails child = new MemberDetails(household, UUID.randomUUID(), "Hoàng Thị Hoa", null,
                LocalDate.of(2012, 5, 17), "FEMALE", "CHILD", "Kinh", false, true, null);
        HouseholdClassified first = new HouseholdClassified(household, 2022, "POOR", null, false, null, 3,
                List.of("HEALTH_INSURANCE", "HOUSING_AREA", "CLEAN_WATER"), "VN-2022-2025", "96003", "220", false,
                true, false, 2);
        HouseholdClassified second = new HouseholdClassified(household, 2023, "NOT_POOR", "POOR", true, 2023, 0,
                List.of(), "VN-2022-2025", "96003", "220", false, true, false, 2);
        for (Instant at : List.of(Instant.parse("2023-12-01T03:00:00Z"), Instant.parse("2023-12-01T03:00:00.120Z"),
                Instant.parse("2023-12-01T03:00:00.123456Z"), Instant.parse("2023-12-01T03:00:00.123456789Z"))) {
            HouseholdRegistered registered = new HouseholdRegistered(household, "BG-SD-000001", "96003", "220", false,
                    true, false, at, List.of(first, second), List.of(head, child));
            byte[] written = WRITERS.writeValueAsBytes(registered);
            // as bytes, as the outbox writes them (a character outside the BMP is escaped then)
            assertEquals(new String(DATABIND.writeValueAsBytes(registered), StandardCharsets.UTF_8),
                    new String(written, StandardCharsets.UTF_8));
            EventContracts.assertValid(HouseholdEvents.TOPIC, HouseholdEvents.REGISTERED, written);
        }
        HouseholdRegistered empty = new HouseholdRegistered(household, "BG-SD-000002", "96003", null, true, false,
                true, Instant.parse("2023-12-01T03:00:00Z"), null, null);
        assertEquals(DATABIND.writeValueAsString(empty), WRITERS.writeValueAsString(empty));
        assertEquals(DATABIND.writeValueAsString(child), WRITERS.writeValueAsString(child));
        assertEquals(DATABIND.writeValueAsString(second), WRITERS.writeValueAsString(second));
    }
}
