package vn.ansinh.reporting.messaging;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import vn.ansinh.platform.events.KafkaClients;
import vn.ansinh.reporting.domain.IndicatorFamily;
import vn.ansinh.reporting.service.ReportingConfig;

/**
 * Declares the reporting topics as compacted topics before anything is published on them: a
 * broker that creates topics on first use would make them with the default (delete) policy,
 * and a dashboard starting late would no longer find every current value.
 */
@ApplicationScoped
public class ReportingTopics {

    private static final Logger LOG = Logger.getLogger(ReportingTopics.class);

    private final KafkaClients kafka;
    private final ReportingConfig config;

    public ReportingTopics(KafkaClients kafka, ReportingConfig config) {
        this.kafka = kafka;
        this.config = config;
    }

    public static List<String> names() {
        return Arrays.stream(IndicatorFamily.values()).map(IndicatorFamily::topic).toList();
    }

    /** Before the outbox relay starts (default priority), so the first value lands on a compacted topic. */
    void create(@Observes @Priority(10) StartupEvent event) throws InterruptedException {
        if (!config.topics().create()) {
            return;
        }
        try (Admin admin = kafka.admin()) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = names().stream().filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, config.topics().partitions(), config.topics().replicationFactor())
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                                    // compact soon after a value is replaced: a late reader gets little history
                                    TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0",
                                    TopicConfig.SEGMENT_MS_CONFIG, "3600000")))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
                LOG.infof("created compacted topics %s", missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("could not create the reporting topics", e.getCause());
            }
        }
    }
}
