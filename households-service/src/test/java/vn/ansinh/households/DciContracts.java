package vn.ansinh.households;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Checks DCI messages against the standard's shapes kept in contracts/dci. */
final class DciContracts {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final String PATH = "contracts/dci/social-api-v1.0.0.schema.json";

    private DciContracts() {
    }

    /** Fails unless {@code json} is a valid {@code definition} (a $defs entry, e.g. OnSearchEnvelope). */
    static void assertValid(String definition, Object json) {
        JsonNode node = json instanceof JsonNode j ? j : MAPPER.valueToTree(json);
        if (json instanceof String text) {
            try {
                node = MAPPER.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text);
            }
        }
        ObjectNode schema = root().deepCopy();
        if (!schema.path("$defs").has(definition)) {
            throw new AssertionError("no definition " + definition + " in " + PATH);
        }
        schema.put("$ref", "#/$defs/" + definition);
        Set<ValidationMessage> errors = FACTORY.getSchema(schema).validate(node);
        if (!errors.isEmpty()) {
            throw new AssertionError(definition + " broken: " + errors + " in " + node);
        }
    }

    private static ObjectNode root() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(PATH)) {
            if (in == null) {
                throw new AssertionError("missing " + PATH);
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
