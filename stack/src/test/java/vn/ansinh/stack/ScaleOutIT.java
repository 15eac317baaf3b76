package vn.ansinh.stack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.ConsumerGroupState;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of each service at once, on one database each, in the same consumer groups: they
 * share the partitions, their outbox relays take turns, and the numbers come out as with one.
 */
class ScaleOutIT {

    private static Stack stack;
    /** The consumer groups whose work the replicas must share: a service and its group. */
    private static final List<String[]> GROUPS = List.of(new String[] {"benefits-service", "benefits.registry"},
            new String[] {"reporting-service", "reporting.registry"});

    @BeforeAll
    static void startSuite() throws Exception {
        stack = DemoSuite.start("scale-out-test");
        for (String service : Stack.SERVICES) {
            stack.startReplica(service);
        }
        awaitGroupsShared();
    }

    /**
     * Waits until each group has the members of both replicas, each reading a partition: a replica
     * that joined while the import ran could otherwise find the events already applied (a 1%
     * import takes seconds, a rebalance about as long).
     */
    private static void awaitGroupsShared() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            for (String[] group : GROUPS) {
                int members = memberLines(stack.url(group[0]), group[1]) + memberLines(stack.url(group[0] + "-2"),
                        group[1]);
                Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group[1]))
                            .describedGroups().get(group[1]).get();
                    return description.state() == ConsumerGroupState.STABLE && description.members().size() == members
                            && description.members().stream()
                                    .allMatch(m -> !m.assignment().topicPartitions().isEmpty());
                });
            }
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

        for (String[] consumer : GROUPS) {
            long first = applied(stack.url(consumer[0]), consumer[1]);
            long second = applied(stack.url(consumer[0] + "-2"), consumer[1]);
            assertTrue(first > 0 && second > 0, consumer[1] + ": both replicas applied events (" + first + " and "
                    + second + ")");
        }
    }

    private static int memberLines(String url, String consumer) throws Exception {
        Matcher value = applied(consumer).matcher(DemoSuite.metrics(url));
        int members = 0;
        while (value.find()) {
            members++;
        }
        return members;
    }

    /** One line per member of the group in a replica, with the events it applied. */
    private static Pattern applied(String consumer) {
        return Pattern.compile("ansinh_consumer_events_applied_total\\{consumer=\"" + Pattern.quote(consumer)
                + "\"[^}]*} ([0-9.E]+)");
    }

    private static long applied(String url, String consumer) throws Exception {
        Matcher value = applied(consumer).matcher(DemoSuite.metrics(url));
        long applied = 0;
        while (value.find()) {
            applied += (long) Double.parseDouble(value.group(1));
        }
        return applied;
    }
}
