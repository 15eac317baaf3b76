package vn.ansinh.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void version7WithTheTimeOfCreationFirst() {
        long before = System.currentTimeMillis();
        UUID id = Ids.newId();
        long after = System.currentTimeMillis();
        assertEquals(7, id.version());
        assertEquals(2, id.variant()); // RFC 9562
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= after, id + " names " + millis);
        UUID later = Ids.newId();
        assertTrue((later.getMostSignificantBits() >>> 16) >= millis);
    }

    /** Across threads, each with a keystream (and key) of its own: 35 MB of stream each, within one key. */
    @Test
    void neverTheSameTwice() throws Exception {
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?>[] work = new Future<?>[2];
            for (int t = 0; t < 2; t++) {
                work[t] = threads.submit(() -> {
                    for (int i = 0; i < 2_200_000; i++) {
                        UUID id = Ids.newId();
                        if (i % 4 == 0) {
                            seen.add(id);
                        }
                    }
                });
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            threads.shutdown();
        }
        assertEquals(1_100_000, seen.size());
    }

    /** Each of the 74 random bits is set in about half the ids: none stuck, none following a pattern of the counter. */
    @Test
    void theRandomBitsAreBalanced() {
        int ids = 100_000;
        int[] ones = new int[74];
        Set<Long> tails = new HashSet<>();
        for (int n = 0; n < ids; n++) {
            UUID id = Ids.newId();
            long most = id.getMostSignificantBits() & 0x0fffL;
            long least = id.getLeastSignificantBits() & 0x3fffffffffffffffL;
            for (int b = 0; b < 12; b++) {
                ones[b] += (int) ((most >>> b) & 1);
            }
            for (int b = 0; b < 62; b++) {
                ones[12 + b] += (int) ((least >>> b) & 1);
            }
            tails.add(least);
        }
        for (int b = 0; b < ones.length; b++) {
            assertTrue(ones[b] > ids * 0.48 && ones[b] < ids * 0.52, "bit " + b + " set in " + ones[b] + " of " + ids);
        }
        assertEquals(ids, tails.size());
    }
}
