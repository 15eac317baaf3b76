package vn.ansinh.platform.events;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Dates and instants in the one form this suite writes them ({@code 2024-01-15},
 * {@code Instant.toString()}: {@code 2024-01-15T02:00:00.123Z}) read field by field; any other
 * form goes to the general parser, so what is accepted or refused, and how, does not change.
 * The general {@code DateTimeFormatter} parse was a tenth of the CPU of the consumers reading
 * registry events (a member's date of birth, a registration's time).
 */
public final class IsoTimes {

    private IsoTimes() {
    }

    /** The instant, or null when the text is not of the form {@code Instant.toString()} writes. */
    public static Instant instantOrNull(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z' || (length > 20 && (length == 21 || text.charAt(19) != '.'))) {
            return null;
        }
        LocalDate day = date(text);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = length > 20 ? digits(text, 20, length - 1) : 0;
        if (day == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || fraction < 0) {
            return null; // a leap second, a bad digit: the general parser decides
        }
        for (int i = length - 1 - 20; i < 9 && length > 20; i++) {
            fraction *= 10;
        }
        return Instant.ofEpochSecond(day.toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second, fraction);
    }

    /** The date, or null when the text is not a valid {@code yyyy-MM-dd}. */
    public static LocalDate dateOrNull(String text) {
        return text.length() == 10 ? date(text) : null;
    }

    /** The date the text starts with, or null when its first ten characters are no valid {@code yyyy-MM-dd}. */
    private static LocalDate date(String text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null; // 2023-02-30
        }
    }

    /** The number the digits between the two positions make, or -1 when one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Registers the fast readers with the application's ObjectMapper (REST bodies and events). */
    @Singleton
    public static class Customizer implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper mapper) {
            SimpleModule module = new SimpleModule("ansinh-iso-times");
            module.addDeserializer(Instant.class, new FastReader<>(Instant.class, InstantDeserializer.INSTANT) {
                @Override
                Instant read(String text) {
                    return instantOrNull(text);
                }
            });
            module.addDeserializer(LocalDate.class, new FastReader<>(LocalDate.class, LocalDateDeserializer.INSTANCE) {
                @Override
                LocalDate read(String text) {
                    return dateOrNull(text);
                }
            });
            mapper.registerModule(module);
        }

        @Override
        public int priority() {
            // after Quarkus' own customizer, which registers the general java.time readers
            return MINIMUM_PRIORITY;
        }
    }

    private abstract static class FastReader<T> extends StdScalarDeserializer<T> {
        private final JsonDeserializer<?> general;

        FastReader(Class<T> type, JsonDeserializer<?> general) {
            super(type);
            this.general = general;
        }

        abstract T read(String text);

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                T value = read(parser.getText());
                if (value != null) {
                    return value;
                }
            }
            return (T) general.deserialize(parser, context);
        }
    }
}
