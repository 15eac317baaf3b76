package vn.ansinh.reporting.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ansinh.reporting")
public interface ReportingConfig {

    /** GSO code of the province whose registry this service reports on (the root of every roll-up). */
    @WithDefault("24")
    String provinceCode();

    /**
     * How often changed indicators are recomputed and published. Changes in between are
     * coalesced: a province import yields a few messages per indicator, not one per household.
     */
    @WithDefault("1s")
    Duration publishInterval();

    /**
     * After a round that took t, the next starts no sooner than this many times t (and the
     * interval): while a province loads, each round recomputes large families for seconds, and
     * back to back they took as much database time as the load itself. With 3 the publisher
     * computes at most a quarter of the time; the final figures come at most three rounds' time
     * after the last change.
     */
    @WithDefault("3")
    int publishPauseFactor();

    Topics topics();

    interface Topics {
        /**
         * Create the compacted reporting topics at startup when they are missing (off where an
         * operator declares them, e.g. Strimzi KafkaTopic resources).
         */
        @WithDefault("true")
        boolean create();

        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }
}
