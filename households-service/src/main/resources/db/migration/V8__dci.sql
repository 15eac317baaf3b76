-- The DCI Social Registry API (SPDCI social_api v1.0.0).

-- Every request an agency sends (sync and async), answered or to be answered: for the
-- transaction status endpoints and for the worker that answers asynchronous searches. The
-- caller's rights at the time of the request travel with it (caller).
CREATE TABLE dci_transaction (
    correlation_id TEXT        PRIMARY KEY,
    transaction_id TEXT        NOT NULL,
    client         TEXT        NOT NULL,
    action         TEXT        NOT NULL,   -- search | subscribe | unsubscribe | txn-status
    sender_id      TEXT        NOT NULL,
    sender_uri     TEXT,
    reference_ids  TEXT[]      NOT NULL,
    request        JSONB       NOT NULL,   -- the envelope's message
    caller         JSONB       NOT NULL,
    status         TEXT        NOT NULL,   -- pdng | succ | rjct
    response       JSONB,                  -- the answer's message
    received_at    TIMESTAMPTZ NOT NULL,
    completed_at   TIMESTAMPTZ
);
CREATE INDEX dci_transaction_lookup ON dci_transaction (client, transaction_id);
CREATE INDEX dci_transaction_pending ON dci_transaction (received_at) WHERE status = 'pdng';

-- Callbacks to agencies (on-search, on-subscribe, on-unsubscribe, txn/on-status, notify),
-- written in the transaction that decided them and delivered with retries by the worker.
CREATE TABLE dci_callback (
    id              BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url             TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ,
    abandoned_at    TIMESTAMPTZ,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX dci_callback_due ON dci_callback (next_attempt_at) WHERE delivered_at IS NULL AND abandoned_at IS NULL;

-- Subscriptions to registrations and new members, with the subscriber's rights.
CREATE TABLE dci_subscription (
    code           TEXT        PRIMARY KEY,
    client         TEXT        NOT NULL,
    sender_id      TEXT        NOT NULL,
    notify_uri     TEXT        NOT NULL,
    reg_event_type TEXT        NOT NULL,   -- REGISTER | NewHouseHoldMember
    area_code      TEXT,                   -- null: the subscriber's whole area
    record_type    TEXT        NOT NULL,
    caller         JSONB       NOT NULL,
    status         TEXT        NOT NULL,   -- subscribe | unsubscribe
    created_at     TIMESTAMPTZ NOT NULL,
    ended_at       TIMESTAMPTZ
);
CREATE INDEX dci_subscription_active ON dci_subscription (reg_event_type) WHERE status = 'subscribe';
