-- The W3C traceparent of the span that wrote the event (null outside a trace): the relay
-- sends it as a Kafka header so that the consumers' work joins the same trace.
ALTER TABLE outbox_event ADD COLUMN trace_parent TEXT;
