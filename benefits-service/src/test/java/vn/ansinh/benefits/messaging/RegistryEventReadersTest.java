package vn.ansinh.benefits.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.ansinh.benefits.messaging.RegistryEvents.HouseholdClassified;
import vn.ansinh.benefits.messaging.RegistryEvents.HouseholdRegistered;
import vn.ansinh.benefits.messaging.RegistryEvents.MemberDetails;
import vn.ansinh.platform.events.MalformedEventException;
import vn.ansinh.platform.testing.EventContracts;

/** The hand-written readers take every field benefits needs from each example of the contract. */
class RegistryEventReadersTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyRegistrationOfTheContractIsReadFieldForField() throws Exception {
        List<byte[]> examples = EventContracts.examples(RegistryEvents.TOPIC, RegistryEvents.REGISTERED);
        assertFalse(examples.isEmpty());
        for (byte[] example : examples) {
            JsonNode tree = MAPPER.readTree(example);
            HouseholdRegistered read = MAPPER.readValue(example, HouseholdRegistered.class);
            assertEquals(UUID.fromString(tree.get("householdId").asText()), read.householdId());
            assertEquals(tree.get("code").asText(), read.code());
            assertEquals(tree.get("areaCode").asText(), read.areaCode());
            assertEquals(tree.path("districtCode").asText(null), read.districtCode());
            assertEquals(tree.path("urban").asBoolean(), read.urban());
            assertEquals(tree.path("ethnicMinority").asBoolean(), read.ethnicMinority());
            assertEquals(tree.path("meritFamily").asBoolean(), read.meritFamily());
            assertEquals(Instant.parse(tree.get("registeredAt").asText()), read.registeredAt());
            assertEquals(tree.path("members").size(), read.members().size());
            for (int i = 0; i < read.members().size(); i++) {
                assertMember(tree.get("members").get(i), read.members().get(i));
            }
            assertEquals(tree.path("classifications").size(), read.classifications().size());
            for (int i = 0; i < read.classifications().size(); i++) {
                assertClassification(tree.get("classifications").get(i), read.classifications().get(i));
            }
        }
    }

    @Test
    void everyMemberAndClassificationEventOfTheContractIsReadFieldForField() throws Exception {
        for (String type : List.of(RegistryEvents.MEMBER_ADDED, RegistryEvents.MEMBER_UPDATED,
                RegistryEvents.MEMBER_MOVED)) {
            for (byte[] example : EventContracts.examples(RegistryEvents.TOPIC, type)) {
                assertMember(MAPPER.readTree(example), MAPPER.readValue(example, MemberDetails.class));
            }
        }
        for (byte[] example : EventContracts.examples(RegistryEvents.TOPIC, RegistryEvents.CLASSIFIED)) {
            assertClassification(MAPPER.readTree(example), MAPPER.readValue(example, HouseholdClassified.class));
        }
    }

    @Test
    void aFieldOfTheWrongTypeMakesTheEventMalformedAndNamesTheField() {
        String registration = """
                {"householdId":"1b4e28ba-2fa1-41d2-883f-0016d3cca427","code":"BG-1","areaCode":"96003",
                 "registeredAt":"2023-12-01T03:00:00Z","members":[{"householdId":"1b4e28ba-2fa1-41d2-883f-0016d3cca427",
                 "memberId":"6d2f3a7e-51c4-4b8e-9a1d-2f0c9b7e4a11","fullName":"A","dateOfBirth":20120517}]}""";
        MalformedEventException refused = assertThrows(MalformedEventException.class,
                () -> MAPPER.readValue(registration.getBytes(StandardCharsets.UTF_8), HouseholdRegistered.class));
        assertEquals("field dateOfBirth: expected a string", refused.getMessage());
    }

    private static void assertMember(JsonNode expected, MemberDetails read) {
        assertEquals(UUID.fromString(expected.get("householdId").asText()), read.householdId());
        assertEquals(UUID.fromString(expected.get("memberId").asText()), read.memberId());
        assertEquals(expected.get("fullName").asText(), read.fullName());
        assertEquals(expected.path("citizenId").asText(null), read.citizenId());
        assertEquals(LocalDate.parse(expected.get("dateOfBirth").asText()), read.dateOfBirth());
        assertEquals(expected.get("sex").asText(), read.sex());
        assertEquals(expected.get("relationToHead").asText(), read.relationToHead());
        assertEquals(expected.path("disability").asBoolean(), read.disability());
        assertEquals(expected.path("schoolEnrolled").asBoolean(), read.schoolEnrolled());
        assertEquals(expected.path("socialProtectionType").asText(null), read.socialProtectionType());
    }

    private static void assertClassification(JsonNode expected, HouseholdClassified read) {
        assertEquals(UUID.fromString(expected.get("householdId").asText()), read.householdId());
        assertEquals(expected.get("year").asInt(), read.year());
        assertEquals(expected.get("category").asText(), read.category());
        assertEquals(expected.path("previousCategory").asText(null), read.previousCategory());
        assertEquals(expected.path("newlyEscapedSince").isNumber() ? expected.get("newlyEscapedSince").asInt() : null,
                read.newlyEscapedSince());
        assertEquals(expected.path("deprivationCount").asInt(), read.deprivationCount());
        assertEquals(expected.get("areaCode").asText(), read.areaCode());
        assertEquals(expected.get("districtCode").asText(), read.districtCode());
    }
}
