package vn.ansinh.benefits;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.ansinh.benefits.messaging.EntitlementEvents;
import vn.ansinh.benefits.messaging.RegistryEvents;
import vn.ansinh.platform.testing.RealInfrastructure;
import vn.ansinh.platform.testing.Topics;

/** A classification that arrives within a trace: the entitlements it grants are published in the same trace. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TracingTest {

    @Test
    void theTraceOfAClassificationTravelsOnToTheEntitlementsItGrants() throws Exception {
        EntitlementTest.Family family = EntitlementTest.Family.register();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Map<String, Object> event = new HashMap<>(Map.of("householdId", family.id(), "year", 2023, "category",
                "POOR", "newlyEscaped", false, "deprivationCount", 3, "deprivations", List.of(), "standardId",
                "VN-2022-2025", "areaCode", "96003", "districtCode", "220", "urban", false));
        event.putAll(Map.of("ethnicMinority", true, "meritFamily", false, "members", 3));
        event.put("previousCategory", null);
        event.put("newlyEscapedSince", null);
        Topics.sendTracedEvent(RegistryEvents.TOPIC, family.id(), RegistryEvents.CLASSIFIED,
                new ObjectMapper().writeValueAsBytes(event), "00-" + traceId + "-00f067aa0ba902b7-01");

        List<ConsumerRecord<String, byte[]>> granted = Topics.readUntil(EntitlementEvents.TOPIC,
                read -> read.stream().anyMatch(r -> family.id().equals(r.key())), Duration.ofSeconds(30)).stream()
                .filter(r -> family.id().equals(r.key())).toList();
        for (ConsumerRecord<String, byte[]> record : granted) {
            String traceParent = Topics.header(record, "traceparent");
            assertTrue(traceParent != null && traceParent.startsWith("00-" + traceId + "-"),
                    "entitlement event in trace " + traceId + ": " + traceParent);
            assertTrue(!traceParent.contains("00f067aa0ba902b7"), "its parent is the span that applied the event");
        }
    }
}
