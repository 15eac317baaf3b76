package vn.ansinh.platform.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

/** COPY text escaping and the 64 KB blocks, against a real PostgreSQL. */
class CopyInTest {

    @Test
    void everyKindOfValueArrivesAsWrittenAcrossBlocks() throws Exception {
        String awkward = "Thôn Đông\tXã Hòa\nbackslash \\ and\rreturn, \"quoted\"";
        String longText = "Nguyễn Văn Ánh ".repeat(10_000); // 150 KB of UTF-8: spans three blocks
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-29T08:57:04.903Z");
        byte[] json = "{\"name\":\"Hộ bà Lò Thị Ơn\",\"note\":\"a\\tb\"}".getBytes(StandardCharsets.UTF_8);
        try (Connection connection = RealPostgres.newDatabase().connect(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE t (n INT, id UUID, text TEXT, flag BOOLEAN, day DATE, at TIMESTAMPTZ,"
                    + " tags TEXT[], payload JSONB)");
            CopyIn rows = new CopyIn("t", "n", "id", "text", "flag", "day", "at", "tags", "payload");
            rows.row(1, id, awkward, true, LocalDate.of(2024, 2, 29), at, List.of("a,b", "c\"d", "e\\f"), json);
            rows.row(2, null, longText, false, null, null, List.of(), null);
            for (int i = 3; i <= 2_000; i++) {
                rows.row(i, UUID.randomUUID(), awkward, i % 2 == 0, LocalDate.of(2024, 1, 1), at, List.of("x"), json);
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
                r.next();
                assertNull(r.getObject("id"));
                assertEquals(longText, r.getString("text"));
                assertEquals(0, ((String[]) r.getArray("tags").getArray()).length);
                assertNull(r.getString("payload"));
            }
            try (ResultSet r = sql.executeQuery("SELECT count(*), count(DISTINCT text) FROM t WHERE n > 2")) {
                r.next();
                assertEquals(1_998, r.getInt(1));
                assertEquals(1, r.getInt(2)); // every row the same text: no row cut at a block's end
            }
        }
    }
}
