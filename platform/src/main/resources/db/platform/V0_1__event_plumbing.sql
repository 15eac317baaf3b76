-- Event plumbing shared by every service (platform module). Versions 0.x belong to the
-- platform; each service numbers its own migrations from 1.

-- Transactional outbox: written in the same transaction as the state change, published
-- and then deleted by the relay. id orders the events of one key (see Outbox.append).
CREATE TABLE outbox_event (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    UUID        NOT NULL UNIQUE,
    topic       TEXT        NOT NULL,
    event_key   TEXT        NOT NULL,
    event_type  TEXT        NOT NULL,
    payload     JSON        NOT NULL, -- JSON, not JSONB: published byte for byte as written
    occurred_at TIMESTAMPTZ NOT NULL
);

-- Idempotent consumers: an event id applied by a consumer is recorded in the same
-- transaction as its effect, so a redelivery is recognised and skipped.
CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
