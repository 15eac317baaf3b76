package vn.ansinh.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.ansinh.platform.events.MalformedEventException;
import vn.ansinh.platform.testing.EventContracts;
import vn.ansinh.reporting.domain.Facts.HouseholdClassified;
import vn.ansinh.reporting.domain.Facts.HouseholdPlaced;

/** The hand-written readers take every field reporting needs from each example of the contract. */
class FactReadersTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TOPIC = "households.household.v1";

    @Test
    void everyRegistrationAndClassificationOfTheContractIsReadFieldForField() throws Exception {
        List<byte[]> registrations = EventContracts.examples(TOPIC, "household.registered");
        assertFalse(registrations.isEmpty());
        for (byte[] example : registrations) {
            JsonNode tree = MAPPER.readTree(example);
            HouseholdPlaced read = MAPPER.readValue(example, HouseholdPlaced.class);
            assertEquals(UUID.fromString(tree.get("householdId").asText()), read.householdId());
            assertEquals(tree.get("areaCode").asText(), read.areaCode());
            assertEquals(tree.path("classifications").size(), read.classifications().size());
            for (int i = 0; i < read.classifications().size(); i++) {
                assertClassification(tree.get("classifications").get(i), read.classifications().get(i));
            }
        }
        for (byte[] example : EventContracts.examples(TOPIC, "household.classified")) {
            assertClassification(MAPPER.readTree(example), MAPPER.readValue(example, HouseholdClassified.class));
        }
    }

    @Test
    void aClassificationWithoutItsYearIsMalformed() {
        String classified = """
                {"householdId":"1b4e28ba-2fa1-41d2-883f-0016d3cca427","category":"POOR","areaCode":"96003",
                 "districtCode":"220","members":3}""";
        assertThrows(MalformedEventException.class,
                () -> MAPPER.readValue(classified.getBytes(StandardCharsets.UTF_8), HouseholdClassified.class));
    }

    private static void assertClassification(JsonNode expected, HouseholdClassified read) {
        assertEquals(UUID.fromString(expected.get("householdId").asText()), read.householdId());
        assertEquals(expected.get("year").asInt(), read.year());
        assertEquals(expected.get("category").asText(), read.category());
        assertEquals(expected.get("areaCode").asText(), read.areaCode());
        assertEquals(expected.get("districtCode").asText(), read.districtCode());
        assertEquals(expected.path("ethnicMinority").asBoolean(), read.ethnicMinority());
        assertEquals(expected.path("meritFamily").asBoolean(), read.meritFamily());
        assertEquals(expected.get("members").asInt(), read.members());
    }
}
