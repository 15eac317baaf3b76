package vn.ansinh.households.service;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The DCI Social Registry API ({@code ansinh.dci.*}). */
@ConfigMapping(prefix = "ansinh.dci")
public interface DciConfig {

    /** This registry's id in DCI headers (sender_id of its answers, the receiver_id it accepts). */
    @WithDefault("social-registry.ansinh")
    String registryId();

    /**
     * Where callbacks may go: a sender_uri must start with one of these (the agencies' gateways,
     * agreed at onboarding). None configured: asynchronous requests are refused.
     */
    Optional<List<String>> callbackPrefixes();

    /** Most search or subscribe requests in one message. */
    @WithDefault("10")
    int maxBatch();

    /** Largest page of records in a search answer. */
    @WithDefault("100")
    int maxPageSize();

    /** Attempts to deliver a callback before it is given up (backoff doubles from 1 s, at most 10 min). */
    @WithDefault("8")
    int maxAttempts();

    /** How often each replica checks whether to start notifying (someone subscribed). */
    @WithDefault("10s")
    Duration notifierCheckInterval();

    /** How often the worker looks for asynchronous work and due callbacks when idle. */
    @WithDefault("500ms")
    Duration workerInterval();
}
