package vn.ansinh.platform.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.ansinh.platform.testing.RealPostgres;

/** Binary COPY of every kind of value the services write, across 64 KB blocks, against a real PostgreSQL. */
class CopyInTest {

    @Test
    void everyKindOfValueArrivesAsWrittenAcrossBlocks() throws Exception {
        // 1-, 2- and 3-byte characters; and with one outside the Basic Multilingual Plane (chữ Nôm 𡨸)
        String vietnamese = "Thôn Đông\tXã Hòa\nbackslash \\ and\rreturn, \"quoted\"";
        String awkward = vietnamese + " 𡨸";
        String longText = "Nguyễn Văn Ánh ".repeat(10_000); // 150 KB of UTF-8: spans three blocks
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-29T08:57:04.903Z");
        byte[] json = "{\"name\":\"Hộ bà Lò Thị Ơn\",\"note\":\"a\\tb\"}".getBytes(StandardCharsets.UTF_8);
        try (Connection connection = RealPostgres.newDatabase().connect(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE t (n INT, id UUID, text TEXT, flag BOOLEAN, day DATE, at TIMESTAMPTZ,"
                    + " tags TEXT[], payload JSONB, amount BIGINT, entity TEXT, kind TEXT, old DATE)");
            CopyIn rows = new CopyIn("t", "n", "id", "text", "flag", "day", "at", "tags", "payload", "amount", "entity",
                    "kind", "old");
            rows.row(1, id, awkward, true, LocalDate.of(2024, 2, 29), at, List.of("a,b", "c\"d", "e\\f"), json,
                    2_450_000_000_000L, id, Thread.State.NEW, LocalDate.of(1931, 12, 31));
            rows.row(2, null, longText, false, null, null, List.of(), null, null, null, null, null);
            for (int i = 3; i <= 2_000; i++) {
                rows.row(i, UUID.randomUUID(), vietnamese, i % 2 == 0, LocalDate.of(2024, 1, 1), at, List.of("x"), json,
                        -1L, "x", "y", null);
            }

            assertEquals(2_000, rows.send(connection));
            assertEquals(0, rows.rows());

            try (ResultSet r = sql.executeQuery("SELECT * FROM t WHERE n IN (1, 2) ORDER BY n")) {
                r.next();
                assertEquals(id, r.getObject("id", UUID.class));
                assertEquals(awkward, r.getString("text"));
                assertEquals(true, r.getBoolean("flag"));
                assertEquals(LocalDate.of(2024, 2, 29), r.getObject("day", LocalDate.class));
                assertEquals(at, r.getTimestamp("at").toInstant());
                assertArrayEquals(new String[] {"a,b", "c\"d", "e\\f"}, (String[]) r.getArray("tags").getArray());
                assertEquals("{\"name\": \"Hộ bà Lò Thị Ơn\", \"note\": \"a\\tb\"}", r.getString("payload"));
                assertEquals(2_450_000_000_000L, r.getLong("amount"));
                assertEquals(id.toString(), r.getString("entity"));
                assertEquals("NEW", r.getString("kind"));
                assertEquals(LocalDate.of(1931, 12, 31), r.getObject("old", LocalDate.class)); // before 2000: negative
                r.next();
                assertNull(r.getObject("id"));
                assertEquals(longText, r.getString("text"));
                assertEquals(0, ((String[]) r.getArray("tags").getArray()).length);
                assertNull(r.getString("payload"));
                assertEquals(0, r.getLong("amount"));
                assertTrue(r.wasNull());
            }
            try (ResultSet r = sql.executeQuery("SELECT count(*), count(DISTINCT text), min(text) FROM t WHERE n > 2")) {
                r.next();
                assertEquals(1_998, r.getInt(1));
                assertEquals(1, r.getInt(2)); // every row the same text: no row cut at a block's end
                assertEquals(vietnamese, r.getString(3));
            }
        }
    }

    @Test
    void aValueThatDoesNotFitItsColumnIsRefusedByColumnAndNothingIsWritten() throws Exception {
        try (Connection connection = RealPostgres.newDatabase().connect(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE u (day DATE, amount NUMERIC, n INT)");
            CopyIn wrongType = new CopyIn("u", "day");
            wrongType.row(LocalDate.of(2024, 1, 1)).row("2024-01-02");
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> wrongType.send(connection));
            assertTrue(refused.getMessage().contains("cannot copy a String into column day of u"), refused.getMessage());

            CopyIn tooLarge = new CopyIn("u", "n");
            tooLarge.row(1).row(3_000_000_000L);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> tooLarge.send(connection)).getMessage()
                    .contains("column n of u"));

            CopyIn unsupported = new CopyIn("u", "amount");
            unsupported.row(java.math.BigDecimal.ONE);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> unsupported.send(connection)).getMessage()
                    .contains("oid 1700"));

            CopyIn noSuchColumn = new CopyIn("u", "nope");
            noSuchColumn.row(1);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> noSuchColumn.send(connection)).getMessage()
                    .contains("table u has no column nope"));

            try (ResultSet r = sql.executeQuery("SELECT count(*) FROM u")) {
                r.next();
                assertEquals(0, r.getInt(1)); // each refused COPY was cancelled whole
            }
        }
    }
}
