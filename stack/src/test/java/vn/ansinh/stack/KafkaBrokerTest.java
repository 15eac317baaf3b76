package vn.ansinh.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The local broker creates the topics the deployment declares, with their settings. */
class KafkaBrokerTest {

    @Test
    void readsEveryDeclaredTopicWithItsSettings() throws Exception {
        List<NewTopic> topics = KafkaBroker.declaredTopics(Files.readString(Path.of("../deploy/base/kafka/topics.yaml")));
        Map<String, Map<String, String>> byName = topics.stream()
                .collect(Collectors.toMap(NewTopic::name, NewTopic::configs));
        Map<String, Integer> partitions = topics.stream()
                .collect(Collectors.toMap(NewTopic::name, NewTopic::numPartitions));

        assertEquals(13, topics.size(), byName.keySet().toString());
        assertEquals(Map.of("retention.ms", "-1"), byName.get("households.household.v1"));
        assertEquals(Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0", "segment.ms", "3600000"),
                byName.get("households.area.v1"));
        assertEquals(4, partitions.get("households.household.v1")); // 6 declared, 4 on one machine
        assertEquals(1, partitions.get("benefits.dead-letter.v1"));
        assertEquals("2592000000", byName.get("benefits.dead-letter.v1").get("retention.ms")); // a comment follows it
    }
}
