-- Survey imports stage the rows of their files here (COPY), so that a province's files are
-- checked against each other and the registry with set-based queries and applied in chunks,
-- without holding millions of rows in memory. UNLOGGED: staging is rebuilt from the files
-- if the server crashes, so it need not be written to the WAL. Deleted when the job ends.
CREATE UNLOGGED TABLE import_household_row (
    job_id          UUID    NOT NULL,
    line            INT     NOT NULL,
    code            TEXT    NOT NULL,
    area_code       TEXT    NOT NULL,
    address         TEXT    NOT NULL,
    head_name       TEXT    NOT NULL,
    ethnic_minority BOOLEAN NOT NULL,
    merit_family    BOOLEAN NOT NULL
);
CREATE INDEX import_household_row_job ON import_household_row (job_id, code COLLATE "C", line);

CREATE UNLOGGED TABLE import_member_row (
    job_id                 UUID    NOT NULL,
    line                   INT     NOT NULL,
    household_code         TEXT    NOT NULL,
    full_name              TEXT    NOT NULL,
    citizen_id             TEXT,
    date_of_birth          DATE    NOT NULL,
    sex                    TEXT    NOT NULL,
    relation_to_head       TEXT    NOT NULL,
    ethnicity              TEXT    NOT NULL,
    disability             BOOLEAN NOT NULL,
    school_enrolled        BOOLEAN NOT NULL,
    social_protection_type TEXT
);
CREATE INDEX import_member_row_job ON import_member_row (job_id, household_code COLLATE "C", line);

CREATE UNLOGGED TABLE import_survey_row (
    job_id                  UUID   NOT NULL,
    line                    INT    NOT NULL,
    household_code          TEXT   NOT NULL,
    year                    INT    NOT NULL,
    income_per_person_month BIGINT NOT NULL,
    deprivations            TEXT[] NOT NULL
);
CREATE INDEX import_survey_row_job ON import_survey_row (job_id, household_code COLLATE "C", year);

-- When a running job last showed progress: a job whose service died mid-way is found by an old
-- heartbeat and marked failed (see ImportService), instead of staying "applying" for ever.
ALTER TABLE import_job ADD COLUMN heartbeat_at TIMESTAMPTZ;
