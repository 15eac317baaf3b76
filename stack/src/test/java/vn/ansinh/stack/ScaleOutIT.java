package vn.ansinh.stack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of each service at once, on one database each, in the same consumer groups: they
 * share the partitions, their outbox relays take turns, and the numbers come out as with one.
 */
class ScaleOutIT {

    private static Stack stack;

    @BeforeAll
    static void startSuite() throws Exception {
        stack = DemoSuite.start("scale-out-test");
        for (String service : Stack.SERVICES) {
            stack.startReplica(service);
        }
    }

    @AfterAll
    static void stopSuite() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void twoReplicasOfEachServiceShareTheWorkAndGiveTheSameNumbers() throws Exception {
        DemoSuite.awaitCompleted(stack, DemoSuite.startImport(stack, 0.01));
        DemoSuite.awaitNumbersAgree(stack);

        for (String[] consumer : List.of(new String[] {"benefits-service", "benefits.registry"},
                new String[] {"reporting-service", "reporting.registry"})) {
            long first = applied(stack.url(consumer[0]), consumer[1]);
            long second = applied(stack.url(consumer[0] + "-2"), consumer[1]);
            assertTrue(first > 0 && second > 0, consumer[1] + ": both replicas applied events (" + first + " and "
                    + second + ")");
        }
    }

    private static long applied(String url, String consumer) throws Exception {
        // one line per member of the group in this replica
        Matcher value = Pattern.compile("ansinh_consumer_events_applied_total\\{consumer=\"" + Pattern.quote(consumer)
                + "\"[^}]*} ([0-9.E]+)").matcher(DemoSuite.metrics(url));
        long applied = 0;
        while (value.find()) {
            applied += (long) Double.parseDouble(value.group(1));
        }
        return applied;
    }
}
