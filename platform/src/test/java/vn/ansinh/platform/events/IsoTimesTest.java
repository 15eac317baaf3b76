package vn.ansinh.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.ansinh.platform.testing.RealInfrastructure;

/** Dates and instants read field by field as the JDK and Jackson read them. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IsoTimesTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void datesReadAsLocalDateParseReadsThem() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            LocalDate day = LocalDate.ofEpochDay(random.nextLong(-25_000, 60_000));
            assertEquals(day, IsoTimes.dateOrNull(day.toString()), day.toString());
        }
        for (String other : List.of("2023-02-29", "2024-02-30", "2024-1-05", "+2024-01-05", "2024-01-5 ", "2024/01/05",
                "2024-00-10", "2024-13-01", "2024-01-00", "２０２４-01-05")) {
            assertNull(IsoTimes.dateOrNull(other), other); // left to the general parser
        }
    }

    @Test
    void theApplicationsMapperReadsWithThemAndRefusesWhatItRefusedBefore() throws Exception {
        DefaultDeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null);
        for (Class<?> type : List.of(LocalDate.class, Instant.class)) {
            String reader = context.findRootValueDeserializer(mapper.constructType(type)).getClass().getName();
            assertTrue(reader.startsWith(IsoTimes.class.getName()), type + " read by " + reader);
        }
        assertEquals(LocalDate.of(2024, 2, 29), mapper.readValue("\"2024-02-29\"", LocalDate.class));
        assertEquals(Instant.parse("2024-01-15T02:00:00.123456Z"),
                mapper.readValue("\"2024-01-15T02:00:00.123456Z\"", Instant.class));
        // other forms still read by Jackson's own readers
        assertEquals(Instant.parse("2024-01-15T02:00:00Z"), mapper.readValue("\"2024-01-15T09:00:00+07:00\"", Instant.class));
        assertEquals(LocalDate.of(2024, 1, 15), mapper.readValue("[2024,1,15]", LocalDate.class));
        for (String wrong : List.of("\"2023-02-29\"", "\"15/01/2024\"")) {
            assertThrows(JsonMappingException.class, () -> mapper.readValue(wrong, LocalDate.class), wrong);
        }
        assertThrows(JsonMappingException.class, () -> mapper.readValue("\"2024-01-15T25:00:00Z\"", Instant.class));
    }
}
