package vn.ansinh.platform.consumer;

import vn.ansinh.platform.events.EventEnvelope;

/**
 * Applies one event inside the consumer loop's database transaction. It is called at most
 * once per event id and consumer; types it does not know it ignores (topics grow new types).
 * It throws {@link vn.ansinh.platform.events.MalformedEventException} for an event that breaks
 * the contract, which sends the record to the dead-letter topic.
 */
@FunctionalInterface
public interface EventHandler {

    void apply(EventEnvelope event);
}
