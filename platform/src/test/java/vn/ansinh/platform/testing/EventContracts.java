package vn.ansinh.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import vn.ansinh.platform.events.CloudEventHeaders;

/**
 * The event contracts kept once at the root of the project ({@code contracts/events/<topic>/<type>.schema.json}),
 * checked by the producer's tests (what it publishes conforms) and the consumer's tests (it
 * accepts the schema's examples).
 */
public final class EventContracts {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    // a contract may refer to another by its $id ("items": {"$ref": "household.classified.schema.json"}):
    // read from the same classpath folder, never fetched from the network
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix("https://ansinh.vn/contracts/",
                    "classpath:contracts/")));

    private EventContracts() {
    }

    /** Fails unless the record carries the CloudEvents headers and a payload that its type's schema accepts. */
    public static void assertConforms(ConsumerRecord<String, byte[]> record) {
        for (String header : List.of(CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE,
                CloudEventHeaders.TIME, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.CONTENT_TYPE)) {
            if (Topics.header(record, header) == null) {
                throw new AssertionError("record on " + record.topic() + " lacks header " + header);
            }
        }
        if (record.key() == null || record.key().isBlank()) {
            throw new AssertionError("record on " + record.topic() + " has no key (the aggregate id)");
        }
        assertValid(record.topic(), Topics.header(record, CloudEventHeaders.TYPE), record.value());
    }

    public static void assertValid(String topic, String type, byte[] payload) {
        JsonNode json;
        try {
            json = MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new AssertionError(type + " payload is not JSON: " + e.getMessage());
        }
        Set<ValidationMessage> errors = schema(topic, type).validate(json);
        if (!errors.isEmpty()) {
            throw new AssertionError(type + " on " + topic + " breaks its contract: " + errors + " in " + json);
        }
    }

    /** The schema's examples, as payloads a consumer must accept. */
    public static List<byte[]> examples(String topic, String type) {
        JsonNode examples = schemaNode(topic, type).path("examples");
        if (!examples.isArray() || examples.isEmpty()) {
            throw new AssertionError("the contract of " + type + " on " + topic + " has no examples");
        }
        List<byte[]> payloads = new ArrayList<>();
        for (JsonNode example : examples) {
            assertValid(topic, type, example.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            payloads.add(example.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return payloads;
    }

    private static JsonSchema schema(String topic, String type) {
        return FACTORY.getSchema(schemaNode(topic, type));
    }

    private static JsonNode schemaNode(String topic, String type) {
        String path = "contracts/events/" + topic + "/" + type + ".schema.json";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("no contract " + path + ": every event type needs a schema");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new AssertionError("unreadable contract " + path, e);
        }
    }
}
