package vn.ansinh.platform.consumer;

import java.util.List;

import vn.ansinh.platform.events.EventEnvelope;

/**
 * Applies one event inside the consumer loop's database transaction. It is called at most
 * once per event id and consumer (unless it is {@link #idempotent()}); types it does not know it ignores (topics grow new types).
 * It throws {@link vn.ansinh.platform.events.MalformedEventException} for an event that breaks
 * the contract, which sends the record to the dead-letter topic.
 */
@FunctionalInterface
public interface EventHandler {

    void apply(EventEnvelope event);

    /**
     * Called once per batch, in the batch's transaction, before its events are applied: a
     * handler may load at once what the events will need (a few queries instead of several per
     * event) and return a handler that applies them with it. The default applies each event on
     * its own, the persistence context flushed and cleared after each.
     */
    default EventHandler forBatch(List<EventEnvelope> events) {
        return this;
    }

    /**
     * True for a handler that keeps what it loaded across a batch's events: the loop then
     * leaves the persistence context alone between events, and everything is written at commit
     * (in JDBC batches). If the batch fails, its events are applied again one by one, each with
     * a handler of its own, so that only the bad one is dead-lettered.
     */
    default boolean batched() {
        return false;
    }

    /**
     * True for a handler whose writes are idempotent by themselves: applying an event again, or
     * an older event after a newer one of the same key, leaves the state as it was (e.g. every
     * row guarded by the time of the event that wrote it). The loop then keeps no record of the
     * events it applied for this handler — a row per event, written and looked up in every
     * batch — and a redelivered event is simply applied again.
     */
    default boolean idempotent() {
        return false;
    }

    /**
     * Called once after the batch's events were applied, still in its transaction: a batched
     * handler writes here what it collected across the events (e.g. their outgoing events, in
     * one statement).
     */
    default void complete() {
    }
}
