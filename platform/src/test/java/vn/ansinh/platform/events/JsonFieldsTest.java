package vn.ansinh.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

class JsonFieldsTest {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** The parser at the value of the only field of {"f": <value>}. */
    private static JsonParser at(String value) throws IOException {
        JsonParser parser = FACTORY.createParser(("{\"f\":" + value + "}").getBytes());
        parser.nextToken();
        JsonFields.startObject(parser);
        assertEquals("f", JsonFields.nextField(parser));
        return parser;
    }

    @Test
    void uuidsAreReadAsUuidFromStringReadsThemAndOnlyTheCanonicalFormIsAccepted() throws IOException {
        for (int i = 0; i < 1000; i++) {
            UUID id = UUID.randomUUID();
            assertEquals(id, JsonFields.uuid(at("\"" + id + "\"")));
            assertEquals(id, JsonFields.uuid(at("\"" + id.toString().toUpperCase() + "\"")));
        }
        assertEquals(new UUID(-1, -1), JsonFields.uuid(at("\"ffffffff-ffff-ffff-ffff-ffffffffffff\"")));
        assertNull(JsonFields.uuid(at("null")));
        for (String bad : List.of("\"1-1-1-1-1\"", "\"1b4e28ba-2fa1-41d2-883f-0016d3cca42g\"",
                "\"1b4e28ba+2fa1-41d2-883f-0016d3cca427\"", "\"1b4e28ba-2fa1-41d2-883f-0016d3cca4270\"", "12")) {
            MalformedEventException refused = assertThrows(MalformedEventException.class, () -> JsonFields.uuid(at(bad)),
                    bad);
            assertEquals("field f: expected a UUID", refused.getMessage());
        }
    }

    @Test
    void eachValueIsReadOnlyFromItsOwnJsonType() throws IOException {
        assertEquals("Hoàng Thị Hoa", JsonFields.text(at("\"Hoàng Thị Hoa\"")));
        assertNull(JsonFields.text(at("null")));
        assertEquals("field f: expected a string", assertThrows(MalformedEventException.class,
                () -> JsonFields.text(at("12"))).getMessage());

        assertTrue(JsonFields.bool(at("true")));
        assertFalse(JsonFields.bool(at("false")));
        assertFalse(JsonFields.bool(at("null")), "null reads as a record's boolean default");
        assertThrows(MalformedEventException.class, () -> JsonFields.bool(at("\"true\"")));

        assertEquals(2023, JsonFields.integer(at("2023")));
        assertNull(JsonFields.integer(at("null")));
        for (String bad : List.of("2023.5", "\"2023\"", "9999999999")) {
            assertEquals("field f: expected a whole number", assertThrows(MalformedEventException.class,
                    () -> JsonFields.integer(at(bad))).getMessage(), bad);
        }

        assertEquals(LocalDate.of(2012, 5, 17), JsonFields.date(at("\"2012-05-17\"")));
        assertEquals(LocalDate.of(12345, 5, 17), JsonFields.date(at("\"+12345-05-17\"")), "other ISO forms too");
        assertThrows(MalformedEventException.class, () -> JsonFields.date(at("\"2023-02-30\"")));
        assertEquals(Instant.parse("2023-12-01T03:00:00.123456Z"),
                JsonFields.instant(at("\"2023-12-01T03:00:00.123456Z\"")));
        assertEquals(Instant.parse("2023-12-01T03:00:00Z"), JsonFields.instant(at("\"2023-12-01T10:00:00+07:00\"")));
        assertThrows(MalformedEventException.class, () -> JsonFields.instant(at("\"yesterday\"")));
    }

    @Test
    void anArrayIsReadElementByElementAndAnythingElseIsRefused() throws IOException {
        assertEquals(List.of(1, 2, 3), JsonFields.list(at("[1, 2, 3]"), JsonFields::integer));
        assertEquals(List.of(), JsonFields.list(at("[]"), JsonFields::integer));
        assertNull(JsonFields.list(at("null"), JsonFields::integer));
        assertThrows(MalformedEventException.class, () -> JsonFields.list(at("{\"a\":1}"), JsonFields::integer));
        assertThrows(MalformedEventException.class, () -> JsonFields.list(at("[1, \"two\"]"), JsonFields::integer));
    }

    @Test
    void fieldsAreVisitedInOrderAndTheLoopEndsWithTheObject() throws IOException {
        JsonParser parser = FACTORY.createParser("{\"a\":{\"x\":[1,{}]},\"b\":\"B\"} ".getBytes());
        parser.nextToken();
        JsonFields.startObject(parser);
        assertEquals("a", JsonFields.nextField(parser));
        parser.skipChildren();
        assertEquals("b", JsonFields.nextField(parser));
        assertEquals("B", JsonFields.text(parser));
        assertNull(JsonFields.nextField(parser));

        JsonParser array = FACTORY.createParser("[1]".getBytes());
        array.nextToken();
        assertEquals("the payload: expected an object", assertThrows(MalformedEventException.class,
                () -> JsonFields.startObject(array)).getMessage());
    }
}
