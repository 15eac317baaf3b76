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
    void aRegistrationIsReadUpToItsClassificationsWhateverComesAfter() throws Exception {
        String classification = """
                {"householdId":"1b4e28ba-2fa1-41d2-883f-0016d3cca427","year":2023,"category":"POOR",
                 "areaCode":"96003","districtCode":"220","members":2}""";
        String head = "{\"householdId\":\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\",\"areaCode\":\"96003\",";
        String members = "\"members\":[{\"memberId\":\"6d2f3a7e-51c4-4b8e-9a1d-2f0c9b7e4a11\"}]";
        // as the registry writes it: the members after the classifications, never parsed (here cut short)
        String registryOrder = head + "\"classifications\":[" + classification + "]," + members.substring(0, 20);
        // another order is read too, the members skipped
        String otherOrder = head + members + ",\"classifications\":[" + classification + "]}";
        for (String registration : List.of(registryOrder, otherOrder)) {
            HouseholdPlaced read = MAPPER.readValue(registration.getBytes(StandardCharsets.UTF_8),
                    HouseholdPlaced.class);
            assertEquals(UUID.fromString("1b4e28ba-2fa1-41d2-883f-0016d3cca427"), read.householdId());
            assertEquals("96003", read.areaCode());
            assertEquals(1, read.classifications().size());
            assertEquals(2023, read.classifications().get(0).year());
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
