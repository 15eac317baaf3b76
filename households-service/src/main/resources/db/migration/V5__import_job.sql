-- Bulk imports of a survey (households, members, answers) as asynchronous jobs.
CREATE TABLE import_job (
    id                 UUID PRIMARY KEY,
    status             TEXT        NOT NULL,
    checksum           TEXT        NOT NULL,
    files              TEXT        NOT NULL,
    rows_total         INT         NOT NULL DEFAULT 0,
    rows_read          INT         NOT NULL DEFAULT 0,
    rows_validated     INT         NOT NULL DEFAULT 0,
    rows_applied       INT         NOT NULL DEFAULT 0,
    error_count        INT         NOT NULL DEFAULT 0,
    households_created INT         NOT NULL DEFAULT 0,
    households_updated INT         NOT NULL DEFAULT 0,
    members_added      INT         NOT NULL DEFAULT 0,
    members_updated    INT         NOT NULL DEFAULT 0,
    surveys_recorded   INT         NOT NULL DEFAULT 0,
    message            TEXT,
    created_at         TIMESTAMPTZ NOT NULL,
    created_by         TEXT        NOT NULL,
    finished_at        TIMESTAMPTZ
);
CREATE INDEX import_job_created ON import_job (created_at DESC);

-- What is wrong with an import, row by row (the first 1,000; error_count has them all).
CREATE TABLE import_error (
    job_id      UUID NOT NULL REFERENCES import_job (id),
    seq         INT  NOT NULL,
    file        TEXT NOT NULL,
    line        INT  NOT NULL,
    column_name TEXT,
    message     TEXT NOT NULL,
    PRIMARY KEY (job_id, seq)
);
