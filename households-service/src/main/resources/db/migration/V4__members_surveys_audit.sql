-- Households belong to a commune of the area table; flags the reports need.
ALTER TABLE household
    ADD CONSTRAINT household_area_fk FOREIGN KEY (area_code) REFERENCES area (code),
    ADD COLUMN ethnic_minority BOOLEAN     NOT NULL DEFAULT false,
    ADD COLUMN merit_family    BOOLEAN     NOT NULL DEFAULT false,
    ADD COLUMN updated_at      TIMESTAMPTZ,
    ADD COLUMN updated_by      TEXT;
CREATE INDEX household_head_name ON household (lower(head_name));

-- Members (nhân khẩu). A citizen ID is active in one household at most.
CREATE TABLE member (
    id                     UUID PRIMARY KEY,
    household_id           UUID        NOT NULL REFERENCES household (id),
    full_name              TEXT        NOT NULL,
    citizen_id             TEXT CHECK (citizen_id ~ '^[0-9]{12}$'),
    date_of_birth          DATE        NOT NULL,
    sex                    TEXT        NOT NULL CHECK (sex IN ('MALE', 'FEMALE')),
    relation_to_head       TEXT        NOT NULL,
    ethnicity              TEXT        NOT NULL,
    disability             BOOLEAN     NOT NULL DEFAULT false,
    school_enrolled        BOOLEAN     NOT NULL DEFAULT false,
    social_protection_type TEXT,
    active                 BOOLEAN     NOT NULL DEFAULT true,
    left_on                DATE,
    left_reason            TEXT,
    created_at             TIMESTAMPTZ NOT NULL,
    created_by             TEXT        NOT NULL,
    updated_at             TIMESTAMPTZ,
    updated_by             TEXT,
    version                BIGINT      NOT NULL DEFAULT 0,
    CHECK (active = (left_on IS NULL))
);
CREATE INDEX member_household ON member (household_id);
CREATE UNIQUE INDEX member_active_citizen_id ON member (citizen_id) WHERE active AND citizen_id IS NOT NULL;
CREATE INDEX member_citizen_id ON member (citizen_id);

-- One survey per household and year, with the classification it produced and why.
CREATE TABLE survey (
    household_id            UUID        NOT NULL REFERENCES household (id),
    year                    INT         NOT NULL,
    income_per_person_month BIGINT      NOT NULL CHECK (income_per_person_month >= 0),
    deprivations            TEXT[]      NOT NULL,
    area_code               TEXT        NOT NULL REFERENCES area (code),
    urban                   BOOLEAN     NOT NULL,
    standard_id             TEXT        NOT NULL REFERENCES poverty_standard (id),
    category                TEXT        NOT NULL,
    deprivation_count       INT         NOT NULL,
    previous_category       TEXT,
    newly_escaped_since     INT,
    reason                  TEXT        NOT NULL,
    recorded_at             TIMESTAMPTZ NOT NULL,
    recorded_by             TEXT        NOT NULL,
    PRIMARY KEY (household_id, year)
);
CREATE INDEX survey_year_category ON survey (year, category);

-- Who changed what, when, with the state before and after.
CREATE TABLE audit_entry (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    entity_type TEXT        NOT NULL,
    entity_id   TEXT        NOT NULL,
    before      JSONB,
    after       JSONB
);
CREATE INDEX audit_entry_entity ON audit_entry (entity_type, entity_id);
