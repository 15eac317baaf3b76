package vn.ansinh.platform.db;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.postgresql.PGConnection;

/**
 * Rows for one table, written with PostgreSQL's {@code COPY ... FROM STDIN} in its binary format:
 * the fastest way to insert many rows, several times faster than batched INSERTs, for imports.
 * A {@code null} becomes SQL NULL.
 *
 * <p>Binary, not text: nothing to escape here and nothing to parse there — a text COPY spent
 * about half of the server's time of a bare insert parsing uuids, dates and timestamps (500,000
 * members: 1.27 s as text, 0.65 s binary, measured), and this side spent as much escaping and
 * formatting. The binary form of a value depends on its column's type, so the rows are kept as
 * given and encoded when sent, once the table's column types are known (read from the catalog
 * once per database and table). They are encoded into one 64 KB buffer written to the connection
 * whenever it fills: a chunk of an import is megabytes, and never held as one array.
 */
public final class CopyIn {

    private static final int BLOCK = 1 << 16;
    /** Signature, flags and header extension length of the binary COPY format. */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0,
        0, 0, 0, 0};
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long POSTGRES_EPOCH_SECOND = POSTGRES_EPOCH_DAY * 86_400;

    // type OIDs (pg_type), stable across PostgreSQL versions
    private static final int BOOL = 16;
    private static final int NAME = 19;
    private static final int INT8 = 20;
    private static final int INT2 = 21;
    private static final int INT4 = 23;
    private static final int TEXT = 25;
    private static final int JSON = 114;
    private static final int BPCHAR = 1042;
    private static final int VARCHAR = 1043;
    private static final int DATE = 1082;
    private static final int TIMESTAMP = 1114;
    private static final int TIMESTAMPTZ = 1184;
    private static final int UUID_TYPE = 2950;
    private static final int JSONB = 3802;
    private static final int TEXT_ARRAY = 1009;
    private static final int VARCHAR_ARRAY = 1015;

    /** Column types by database URL, table and columns: the schema does not change while a service runs. */
    private static final Map<String, int[]> TYPES = new ConcurrentHashMap<>();

    private final String table;
    private final String[] columns;
    private final String sql;
    private final List<Object[]> rows = new ArrayList<>();

    public CopyIn(String table, String... columns) {
        this.table = table;
        this.columns = columns.clone();
        this.sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT binary)";
    }

    /**
     * Adds a row: values in column order. By column type: text, varchar, json and jsonb take a
     * String, byte[] (UTF-8 text, such as JSON written by Jackson), Enum (its name) or any value's
     * {@code toString()}; uuid a UUID or its text; boolean a Boolean; smallint, integer and bigint
     * a whole Number; date a LocalDate; timestamp and timestamptz an Instant; text[] a Collection
     * (each element's {@code toString()}). The values are kept until {@link #send}.
     */
    public CopyIn row(Object... values) {
        if (values.length != columns.length) {
            throw new IllegalArgumentException("a row of " + values.length + " values for " + columns.length
                    + " columns");
        }
        rows.add(values);
        return this;
    }

    public int rows() {
        return rows.size();
    }

    /** Sends the rows on this connection (the caller's transaction) and forgets them. */
    public long send(Connection connection) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        int[] types = types(connection);
        org.postgresql.copy.CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            Writer out = new Writer(copy);
            out.bytes(HEADER, 0, HEADER.length);
            for (Object[] row : rows) {
                out.int16(columns.length);
                for (int i = 0; i < columns.length; i++) {
                    field(out, types[i], row[i], i);
                }
            }
            out.int16(-1);
            out.flush();
            long sent = copy.endCopy();
            rows.clear();
            return sent;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private int[] types(Connection connection) throws SQLException {
        String key = connection.getMetaData().getURL() + '|' + sql;
        int[] known = TYPES.get(key);
        if (known != null) {
            return known;
        }
        Map<String, Integer> byName = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT attname, atttypid FROM pg_attribute"
                + " WHERE attrelid = CAST(? AS regclass) AND attnum > 0 AND NOT attisdropped")) {
            query.setString(1, table);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    byName.put(result.getString(1), result.getInt(2));
                }
            }
        }
        int[] types = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            Integer type = byName.get(columns[i]);
            if (type == null) {
                throw new IllegalArgumentException("table " + table + " has no column " + columns[i]);
            }
            types[i] = type;
        }
        TYPES.put(key, types);
        return types;
    }

    private void field(Writer out, int type, Object value, int column) throws SQLException {
        if (value == null) {
            out.int32(-1);
            return;
        }
        try {
            switch (type) {
                case TEXT, VARCHAR, BPCHAR, NAME, JSON -> {
                    if (value instanceof String text) {
                        out.text(text);
                    } else {
                        out.value(text(value));
                    }
                }
                case JSONB -> {
                    byte[] json = text(value);
                    out.int32(json.length + 1);
                    out.int8(1); // jsonb's binary format version
                    out.bytes(json, 0, json.length);
                }
                case UUID_TYPE -> {
                    UUID id = value instanceof UUID uuid ? uuid : UUID.fromString(value.toString());
                    out.int32(16);
                    out.int64(id.getMostSignificantBits());
                    out.int64(id.getLeastSignificantBits());
                }
                case BOOL -> {
                    out.int32(1);
                    out.int8((Boolean) value ? 1 : 0);
                }
                case INT2 -> {
                    out.int32(2);
                    out.int16(Math.toIntExact(whole(value)));
                }
                case INT4 -> {
                    out.int32(4);
                    out.int32(Math.toIntExact(whole(value)));
                }
                case INT8 -> {
                    out.int32(8);
                    out.int64(whole(value));
                }
                case DATE -> {
                    out.int32(4);
                    out.int32(Math.toIntExact(((LocalDate) value).toEpochDay() - POSTGRES_EPOCH_DAY));
                }
                case TIMESTAMP, TIMESTAMPTZ -> {
                    Instant at = (Instant) value;
                    out.int32(8);
                    // microseconds since 2000-01-01 UTC, rounded as PostgreSQL rounds a text timestamp
                    out.int64((at.getEpochSecond() - POSTGRES_EPOCH_SECOND) * 1_000_000 + (at.getNano() + 500) / 1_000);
                }
                case TEXT_ARRAY, VARCHAR_ARRAY -> array(out, (Collection<?>) value, type == TEXT_ARRAY ? TEXT : VARCHAR);
                default -> throw new IllegalArgumentException("its type (oid " + type + ") is not one CopyIn writes");
            }
        } catch (ClassCastException | ArithmeticException | IllegalArgumentException e) {
            // the value itself stays out of the message: it may be personal data
            throw new IllegalArgumentException("cannot copy a " + value.getClass().getSimpleName() + " into column "
                    + columns[column] + " of " + table + ": " + e.getMessage(), e);
        }
    }

    private static byte[] text(Object value) {
        if (value instanceof byte[] utf8) {
            return utf8;
        }
        String text = value instanceof Enum<?> e ? e.name() : value.toString();
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A whole number; a fraction or a floating-point value is refused rather than cut. */
    private static long whole(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.longValueExact();
        }
        if (value instanceof BigInteger integer) {
            return integer.longValueExact();
        }
        throw new IllegalArgumentException("not a whole number");
    }

    /** A one-dimensional array without nulls' flag unless it has one, lower bound 1. */
    private static void array(Writer out, Collection<?> elements, int elementType) throws SQLException {
        List<byte[]> encoded = new ArrayList<>(elements.size());
        int length = 12 + (elements.isEmpty() ? 0 : 8);
        boolean nulls = false;
        for (Object element : elements) {
            byte[] bytes = element == null ? null : text(element);
            nulls |= bytes == null;
            length += 4 + (bytes == null ? 0 : bytes.length);
            encoded.add(bytes);
        }
        out.int32(length);
        out.int32(elements.isEmpty() ? 0 : 1);
        out.int32(nulls ? 1 : 0);
        out.int32(elementType);
        if (!elements.isEmpty()) {
            out.int32(elements.size());
            out.int32(1);
        }
        for (byte[] bytes : encoded) {
            if (bytes == null) {
                out.int32(-1);
            } else {
                out.value(bytes);
            }
        }
    }

    /** Big-endian values into a 64 KB buffer, written to the COPY whenever it fills. */
    private static final class Writer {
        private final org.postgresql.copy.CopyIn copy;
        private final byte[] block = new byte[BLOCK];
        private int position;

        Writer(org.postgresql.copy.CopyIn copy) {
            this.copy = copy;
        }

        void value(byte[] bytes) throws SQLException {
            int32(bytes.length);
            bytes(bytes, 0, bytes.length);
        }

        /**
         * A string as UTF-8, encoded straight into the block: no byte array per field (an import
         * writes tens of millions of fields). A string too long for an empty block, or with a
         * character outside the Basic Multilingual Plane, goes through {@link String#getBytes}.
         */
        void text(String text) throws SQLException {
            int length = text.length();
            int most = 4 + 3 * length; // the length field, then at most 3 bytes per BMP character
            if (most > BLOCK) {
                value(text.getBytes(StandardCharsets.UTF_8));
                return;
            }
            room(most);
            int at = position + 4;
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    block[at++] = (byte) c;
                } else if (c < 0x800) {
                    block[at++] = (byte) (0xc0 | (c >> 6));
                    block[at++] = (byte) (0x80 | (c & 0x3f));
                } else if (Character.isSurrogate(c)) {
                    value(text.getBytes(StandardCharsets.UTF_8)); // nothing was counted as written yet
                    return;
                } else {
                    block[at++] = (byte) (0xe0 | (c >> 12));
                    block[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                    block[at++] = (byte) (0x80 | (c & 0x3f));
                }
            }
            int32(at - position - 4);
            position = at;
        }

        void bytes(byte[] bytes, int from, int length) throws SQLException {
            if (length > BLOCK - position) {
                flush();
                if (length > BLOCK) {
                    copy.writeToCopy(bytes, from, length);
                    return;
                }
            }
            System.arraycopy(bytes, from, block, position, length);
            position += length;
        }

        void int8(int value) throws SQLException {
            room(1);
            block[position++] = (byte) value;
        }

        void int16(int value) throws SQLException {
            room(2);
            block[position++] = (byte) (value >>> 8);
            block[position++] = (byte) value;
        }

        void int32(int value) throws SQLException {
            room(4);
            block[position++] = (byte) (value >>> 24);
            block[position++] = (byte) (value >>> 16);
            block[position++] = (byte) (value >>> 8);
            block[position++] = (byte) value;
        }

        void int64(long value) throws SQLException {
            int32((int) (value >>> 32));
            int32((int) value);
        }

        private void room(int length) throws SQLException {
            if (BLOCK - position < length) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (position > 0) {
                copy.writeToCopy(block, 0, position);
                position = 0;
            }
        }
    }
}
