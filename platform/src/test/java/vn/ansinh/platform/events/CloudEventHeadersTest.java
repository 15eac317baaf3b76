package vn.ansinh.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The event time read from its header exactly as the JDK reads it, quicker for the form we write. */
class CloudEventHeadersTest {

    @Test
    void timesReadAsInstantParseReadsThem() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1_000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            assertEquals(at, CloudEventHeaders.time(at.toString()), at.toString());
        }
        for (String other : List.of("2026-11-29T18:52:07.5+07:00", "2026-11-29T11:52:07.1Z", "2016-12-31T23:59:60Z",
                "2026-11-29t11:52:07z", "2026-11-29T24:00:00Z",
                "2026-11-29T11:52:07.Z")) {
            assertEquals(Instant.parse(other), CloudEventHeaders.time(other), other);
        }
    }

    @Test
    void whatIsNotATimeIsRefused() {
        for (String wrong : List.of("2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
                "2026-11-29T1a:52:07Z", "yesterday", "2026-11-29T11:52:07.1234567890Z")) {
            assertThrows(DateTimeException.class, () -> Instant.parse(wrong), wrong);
            assertThrows(DateTimeException.class, () -> CloudEventHeaders.time(wrong), wrong);
        }
    }
}
