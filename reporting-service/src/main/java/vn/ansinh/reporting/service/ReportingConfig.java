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
     * seconds, and back to back they took as much database time as the load itself. With 12 the
     * publisher computes at most a thirteenth of the time while a load lasts (the figures of a
     * province loading move every several seconds); once changes stop for an interval, the next
     * round runs at once, so the final figures come as soon. With 3, a province's rounds were 40
     * (their queries 17 s of statement time), with 6 22 (9 s).
     */
    @WithDefault("12")
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
