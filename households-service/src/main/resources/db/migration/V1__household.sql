-- The household registry (first slice: registration; members, areas and surveys follow).
CREATE TABLE household (
    id         UUID PRIMARY KEY,
    code       TEXT        NOT NULL UNIQUE,
    area_code  TEXT        NOT NULL,
    address    TEXT        NOT NULL,
    head_name  TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    created_by TEXT        NOT NULL,
    version    BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX household_area ON household (area_code);
