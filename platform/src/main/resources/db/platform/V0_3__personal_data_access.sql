-- Every read of unmasked personal data by another agency: who, for which client, when, which
-- record, which fields and the stated purpose. Written in the request, before the answer leaves;
-- never updated or deleted by the services (retention is an operations matter).
CREATE TABLE personal_data_access (
    id          UUID        PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    client      TEXT,
    roles       TEXT        NOT NULL,
    record_type TEXT        NOT NULL,
    record_id   TEXT        NOT NULL,
    fields      TEXT        NOT NULL,
    purpose     TEXT        NOT NULL,
    request     TEXT        NOT NULL
);
CREATE INDEX personal_data_access_at ON personal_data_access (at DESC);
CREATE INDEX personal_data_access_record ON personal_data_access (record_id);
CREATE INDEX personal_data_access_actor ON personal_data_access (actor, at DESC);
