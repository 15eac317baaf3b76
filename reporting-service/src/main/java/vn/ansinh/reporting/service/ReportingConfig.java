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
     * While changes keep arriving, a round that took t is followed by the next no sooner than this
     * many times t after it: during a province load each round recomputes large families for
     * seconds, and back to back they took as much database time as the load itself. With 6 the
     * publisher computes at most a seventh of the time while a load lasts (the figures of a
     * province loading move every few seconds); once changes stop for an interval, the next round
     * runs at once. With 3, a province's rounds were 40 instead of 22 (their queries 17 s
     * instead of 9 s).
     */
    @WithDefault("6")
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
