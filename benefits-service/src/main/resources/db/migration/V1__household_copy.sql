-- benefits-service's own copy of the registry's households, built from households.household.v1.
-- It never reads the registry's database or API.
CREATE TABLE household (
    id            UUID PRIMARY KEY,
    code          TEXT        NOT NULL,
    area_code     TEXT        NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
