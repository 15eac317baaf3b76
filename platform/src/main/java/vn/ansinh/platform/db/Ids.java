package vn.ansinh.platform.db;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * New identifiers: UUID version 7 (RFC 9562), a millisecond timestamp followed by random bits.
 * Time-ordered ids are appended at the right edge of a B-tree index instead of landing on a
 * random page, which keeps bulk inserts (imports) several times cheaper; they stay unguessable
 * enough for ids (74 random bits) and sort by creation time.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID newId() {
        long millis = System.currentTimeMillis();
        long random = RANDOM.nextLong();
        long most = (millis << 16) | 0x7000L | ((random >>> 52) & 0x0fffL);
        long least = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
