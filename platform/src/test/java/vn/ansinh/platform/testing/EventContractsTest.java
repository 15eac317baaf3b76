package vn.ansinh.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class EventContractsTest {

    private static final String TOPIC = "households.household.v1";

    @Test
    void aContractChecksWhatItTakesFromAnotherByReference() throws Exception {
        // household.registered's classifications are household.classified payloads, by $ref
        byte[] example = EventContracts.examples(TOPIC, "household.registered").get(1);
        ObjectNode registered = (ObjectNode) new ObjectMapper().readTree(example);
        assertEquals(2, registered.path("classifications").size());

        ((ObjectNode) registered.path("classifications").get(0)).remove("category");
        AssertionError broken = assertThrows(AssertionError.class, () -> EventContracts.assertValid(TOPIC,
                "household.registered", registered.toString().getBytes(StandardCharsets.UTF_8)));
        assertTrue(broken.getMessage().contains("category"), broken.getMessage());
    }
}
