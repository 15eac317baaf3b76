package vn.ansinh.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.postgresql.PGConnection;

/**
 * Rows for one table, written with PostgreSQL's {@code COPY ... FROM STDIN} (text format): the
 * fastest way to insert many rows, several times faster than batched INSERTs, for imports.
 * Values are escaped here; a {@code null} becomes SQL NULL.
 *
 * <p>The rows are kept as UTF-8 bytes in blocks of 64 KB and written to the connection block by
 * block: a chunk of an import is megabytes of text, and one large string of it (and its copy
 * when encoded) would land in the old generation of the heap at once and keep the collector busy.
 */
public final class CopyIn {

    private static final int BLOCK = 1 << 16;

    private final String sql;
    private final int columns;
    private final List<byte[]> full = new ArrayList<>();
    private byte[] block = new byte[BLOCK];
    private int position;
    private int rows;

    public CopyIn(String table, String... columns) {
        this.sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        this.columns = columns.length;
    }

    /**
     * Adds a row: values in column order, of type String, byte[] (UTF-8 text, such as JSON written
     * by Jackson), UUID, Boolean, Number, LocalDate, Instant, Enum (its name) or a Collection of
     * Strings (a text array).
     */
    public CopyIn row(Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("a row of " + values.length + " values for " + columns + " columns");
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            append(values[i]);
        }
        put((byte) '\n');
        rows++;
        return this;
    }

    public int rows() {
        return rows;
    }

    /** Sends the rows on this connection (the caller's transaction) and forgets them. */
    public long send(Connection connection) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        org.postgresql.copy.CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            for (byte[] written : full) {
                copy.writeToCopy(written, 0, written.length);
            }
            copy.writeToCopy(block, 0, position);
            long sent = copy.endCopy();
            full.clear();
            position = 0;
            rows = 0;
            return sent;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private void append(Object value) {
        if (value == null) {
            put((byte) '\\');
            put((byte) 'N');
        } else if (value instanceof String s) {
            escape(s.getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof byte[] utf8) {
            escape(utf8);
        } else if (value instanceof Boolean b) {
            put((byte) (b ? 't' : 'f'));
        } else if (value instanceof Enum<?> e) {
            escape(e.name().getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof Collection<?> c) {
            array(c);
        } else if (value instanceof UUID || value instanceof Number || value instanceof LocalDate
                || value instanceof Instant) {
            escape(value.toString().getBytes(StandardCharsets.US_ASCII));
        } else {
            throw new IllegalArgumentException("cannot copy a " + value.getClass().getName());
        }
    }

    /** A text array literal, every element quoted; then escaped as any COPY value. */
    private void array(Collection<?> elements) {
        StringBuilder literal = new StringBuilder("{");
        for (Object element : elements) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(element.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        escape(literal.append('}').toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Escapes backslash, tab, newline and carriage return. Working on UTF-8 bytes is safe: every
     * byte of a multi-byte character is 0x80 or above, never one of these.
     */
    private void escape(byte[] value) {
        int plain = 0; // start of the run of bytes copied as they are
        for (int i = 0; i < value.length; i++) {
            int b = value[i] & 0xff;
            if (b > '\r' && b != '\\') {
                continue; // nearly every byte: one test
            }
            byte escaped = switch (b) {
                case '\\' -> '\\';
                case '\t' -> 't';
                case '\n' -> 'n';
                case '\r' -> 'r';
                default -> 0;
            };
            if (escaped != 0) {
                put(value, plain, i);
                put((byte) '\\', escaped);
                plain = i + 1;
            }
        }
        put(value, plain, value.length);
    }

    private void put(byte[] bytes, int from, int to) {
        while (from < to) {
            roomForOne();
            int length = Math.min(to - from, BLOCK - position);
            System.arraycopy(bytes, from, block, position, length);
            position += length;
            from += length;
        }
    }

    private void put(byte first, byte second) {
        put(first);
        put(second);
    }

    private void put(byte b) {
        roomForOne();
        block[position++] = b;
    }

    private void roomForOne() {
        if (position == BLOCK) {
            full.add(block);
            block = new byte[BLOCK];
            position = 0;
        }
    }
}
