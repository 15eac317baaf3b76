package vn.ansinh.households;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.ansinh.households.messaging.HouseholdEvents;
import vn.ansinh.platform.testing.RealInfrastructure;
import vn.ansinh.platform.testing.Topics;

/** A request that arrives within a trace: the event it causes carries the trace to the consumers. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TracingTest {

    @Test
    void aRegistrationsEventCarriesTheTraceOfTheRequest() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String id = given().contentType(ContentType.JSON).header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .body(Map.of("code", "BG-TRACE-1", "areaCode", "91001", "address", "Thôn 1", "headName", "Lý Văn An"))
                .post("/api/households").then().statusCode(201).extract().path("household.id");

        List<ConsumerRecord<String, byte[]>> events = Topics.readUntil(HouseholdEvents.TOPIC,
                read -> read.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(30)).stream()
                .filter(r -> id.equals(r.key())).toList();
        String traceParent = Topics.header(events.get(0), "traceparent");
        assertTrue(traceParent != null && traceParent.startsWith("00-" + traceId + "-"), traceParent);
    }
}
