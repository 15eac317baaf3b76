package vn.ansinh.platform.events;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the event plumbing shared by the services. */
@ConfigMapping(prefix = "ansinh.events")
public interface EventsConfig {

    /** The CloudEvents {@code source} of everything this service publishes, e.g. {@code /ansinh/households}. */
    String source();

    /** The topic that records this service cannot apply are sent to, e.g. {@code benefits.dead-letter.v1}. */
    String deadLetterTopic();

    /**
     * Compression of the records this service produces: {@code lz4} where events cross a network
     * to the brokers; {@code none} on one machine (the local run), where compressing, and
     * decompressing in the broker and every consumer, only costs CPU.
     */
    @WithDefault("lz4")
    String compression();

    Relay relay();

    Consumer consumer();

    interface Relay {
        /** Off only for tests that drive a relay by hand. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Outbox rows published per database transaction. Large, because each batch's query walks
         * the rows the relay deleted that PostgreSQL cannot yet reclaim (writers' transactions
         * still running): at a province's import, 1,000 made it 1,514 queries and 45.9 s of
         * database time, 5,000 made it 576 and 9.7 s.
         */
        @WithDefault("5000")
        int batchSize();

        /** How long an idle relay waits before it looks again (a commit in this JVM wakes it at once). */
        @WithDefault("250ms")
        Duration pollInterval();
    }

    interface Consumer {
        @WithDefault("500")
        int maxPollRecords();

        /**
         * Members of each consumer group this instance runs, each on a thread (and with a database
         * connection) of its own. More than one lets the service work on one batch while the
         * database writes another; members beyond the topic's partitions stay idle.
         */
        @WithDefault("1")
        int loops();

        /** Pause after a transient failure (database or broker unavailable) before the batch is retried. */
        @WithDefault("2s")
        Duration retryBackoff();
    }
}
