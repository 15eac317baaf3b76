package vn.ansinh.platform.events;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Values read straight from Jackson's streaming parser, for the few event types read so often
 * that databind's general path shows: a record built through its constructor from a buffer of
 * properties looked up by name. A province's registrations are 477,000 events, each read by two
 * services; reading them field by field took about half the time. A reader built on these
 * methods loops over its object's fields ({@link #nextField}) and skips those it does not know.
 *
 * <p>Each method expects the parser at the field's value. A value of the wrong JSON type, or
 * one that cannot be read, makes the event malformed (the message names the field, not the
 * value: it may be personal data).
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** Reads one value, the parser at its first token. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(JsonParser parser) throws IOException;
    }

    /**
     * The name of the next field of the object the parser is in, the parser moved to its value;
     * null at the object's end. Call {@link #startObject} first.
     */
    public static String nextField(JsonParser parser) throws IOException {
        String name = parser.nextFieldName();
        if (name != null) {
            parser.nextToken();
        }
        return name;
    }

    /** Checks that the parser is at the start of an object. */
    public static void startObject(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw malformed(parser, "an object");
        }
    }

    public static String text(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw malformed(parser, "a string");
    }

    /** A boolean; null reads as false, as for a record's {@code boolean} component. */
    public static boolean bool(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (token == JsonToken.VALUE_FALSE || token == JsonToken.VALUE_NULL) {
            return false;
        }
        throw malformed(parser, "true or false");
    }

    public static Integer integer(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            return parser.getIntValue();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw malformed(parser, "a whole number");
    }

    /** A UUID in its canonical form of 36 characters, read from the parser's characters. */
    public static UUID uuid(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING || parser.getTextLength() != 36) {
            throw malformed(parser, "a UUID");
        }
        char[] chars = parser.getTextCharacters();
        int at = parser.getTextOffset();
        long first = hex(chars, at, 8);
        long second = hex(chars, at + 9, 4);
        long third = hex(chars, at + 14, 4);
        long fourth = hex(chars, at + 19, 4);
        long fifth = hex(chars, at + 24, 12);
        if ((first | second | third | fourth | fifth) < 0 || chars[at + 8] != '-' || chars[at + 13] != '-'
                || chars[at + 18] != '-' || chars[at + 23] != '-') {
            throw malformed(parser, "a UUID");
        }
        return new UUID(first << 32 | second << 16 | third, fourth << 48 | fifth);
    }

    public static LocalDate date(JsonParser parser) throws IOException {
        String text = text(parser);
        if (text == null) {
            return null;
        }
        LocalDate fast = IsoTimes.dateOrNull(text);
        if (fast != null) {
            return fast;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw malformed(parser, "a date (yyyy-MM-dd)");
        }
    }

    public static Instant instant(JsonParser parser) throws IOException {
        String text = text(parser);
        if (text == null) {
            return null;
        }
        Instant fast = IsoTimes.instantOrNull(text);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw malformed(parser, "an RFC 3339 timestamp");
        }
    }

    /** An array read element by element; null for a JSON null. */
    public static <T> List<T> list(JsonParser parser, Reader<T> element) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            throw malformed(parser, "an array");
        }
        String field = parser.currentName();
        List<T> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == null) {
                throw new MalformedEventException("field " + field + ": the array does not end");
            }
            elements.add(element.read(parser));
        }
        return elements;
    }

    /** The value of the hexadecimal digits, or -1 when one is not such a digit. */
    private static long hex(char[] chars, int from, int count) {
        long value = 0;
        for (int i = from; i < from + count; i++) {
            char c = chars[i];
            char lower = (char) (c | 0x20);
            if (c >= '0' && c <= '9') {
                value = value << 4 | (c - '0');
            } else if (lower >= 'a' && lower <= 'f') {
                value = value << 4 | (lower - 'a' + 10);
            } else {
                return -1;
            }
        }
        return value;
    }

    private static MalformedEventException malformed(JsonParser parser, String expected) throws IOException {
        String field = parser.currentName();
        return new MalformedEventException((field == null ? "the payload" : "field " + field) + ": expected "
                + expected);
    }
}
