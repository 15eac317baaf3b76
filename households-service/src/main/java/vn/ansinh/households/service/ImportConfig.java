package vn.ansinh.households.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ansinh.imports")
public interface ImportConfig {

    /** Where uploaded files wait for their job (deleted when it ends). */
    @WithDefault("${java.io.tmpdir}/ansinh-imports")
    String directory();

    /**
     * Chunks applied at once, each on its own database connection: PostgreSQL works one
     * connection on one core, so two keep both cores of a small server busy.
     */
    @WithDefault("2")
    int applyThreads();

    /**
     * Households applied per transaction: large enough for COPY to pay, small enough that what
     * is in flight (a chunk on each apply thread and the next one read) stays small.
     */
    @WithDefault("2000")
    int chunkSize();

    /**
     * A running job whose service instance has not beaten its heart for this long is marked
     * failed: that instance stopped. Each instance beats for its own jobs every quarter of this,
     * whatever the job is doing, and looks for stalled jobs as often.
     */
    @WithDefault("2m")
    java.time.Duration stalledAfter();
}
