package vn.ansinh.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One event as it travels: CloudEvents attributes, the Kafka key (the aggregate id) and the
 * JSON payload as bytes.
 */
public record EventEnvelope(UUID id, String type, String source, Instant time, String key, byte[] data) {
}
