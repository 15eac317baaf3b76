-- Read models built from events only, and the indicators computed from them.
-- Every read-model row keeps the time of the event it came from: an older fact delivered
-- late (a resend under a new event id) never overwrites a newer one.

-- registered households are counted from household_area when asked (a GROUP BY is cheap and
-- cannot drift the way a counter can)
DROP TABLE area_households;
ALTER TABLE household_area ADD COLUMN event_time TIMESTAMPTZ NOT NULL DEFAULT '-infinity';

-- administrative units, from households.area.v1
CREATE TABLE area (
    code           TEXT PRIMARY KEY,
    name           TEXT        NOT NULL,
    level          TEXT        NOT NULL,
    parent_code    TEXT,
    valid_to       DATE,
    successor_code TEXT,
    event_time     TIMESTAMPTZ NOT NULL
);

-- each household's classification per survey year, in the commune of that year's survey
CREATE TABLE household_year (
    household_id    UUID        NOT NULL,
    year            INT         NOT NULL,
    category        TEXT        NOT NULL,
    area_code       TEXT        NOT NULL,
    district_code   TEXT        NOT NULL,
    ethnic_minority BOOLEAN     NOT NULL,
    merit_family    BOOLEAN     NOT NULL,
    members         INT         NOT NULL,
    event_time      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (household_id, year)
);
CREATE INDEX household_year_year ON household_year (year);

-- entitlements (full state), from benefits.entitlement.v1
CREATE TABLE entitlement (
    entitlement_id UUID PRIMARY KEY,
    programme      TEXT        NOT NULL,
    household_id   UUID        NOT NULL,
    member_id      UUID,
    survey_year    INT         NOT NULL,
    period_start   DATE        NOT NULL,
    standing       TEXT        NOT NULL,
    status         TEXT        NOT NULL,
    ended_on       DATE,
    area_code      TEXT        NOT NULL,
    district_code  TEXT        NOT NULL,
    event_time     TIMESTAMPTZ NOT NULL
);
CREATE INDEX entitlement_year ON entitlement (survey_year, programme);

-- applications (full state) and the years their milestones fell in, from benefits.application.v1
CREATE TABLE application (
    application_id  UUID PRIMARY KEY,
    programme       TEXT        NOT NULL,
    household_id    UUID        NOT NULL,
    kind            TEXT,
    status          TEXT        NOT NULL,
    disbursed_vnd   BIGINT      NOT NULL,
    outstanding_vnd BIGINT      NOT NULL,
    area_code       TEXT        NOT NULL,
    district_code   TEXT        NOT NULL,
    -- the year of the first disbursement, of completion (house, training) and of placement
    disbursed_year  INT,
    completed_year  INT,
    placed_year     INT,
    event_time      TIMESTAMPTZ NOT NULL
);

-- budgets (full state per programme, year and funding source), from benefits.budget.v1
CREATE TABLE budget (
    programme      TEXT        NOT NULL,
    year           INT         NOT NULL,
    funding_source TEXT        NOT NULL,
    allocated_vnd  BIGINT      NOT NULL,
    committed_vnd  BIGINT      NOT NULL,
    paid_vnd       BIGINT      NOT NULL,
    event_time     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (programme, year, funding_source)
);

-- what changed since the indicators were last published: a family of indicators and a year
-- (0 = every year). Written in the consumers' transactions, taken by the publisher.
CREATE TABLE dirty_scope (
    family TEXT NOT NULL,
    year   INT  NOT NULL,
    PRIMARY KEY (family, year)
);

-- the latest published value of every indicator (what the reporting topics hold, and what the
-- REST API and the dashboard read)
CREATE TABLE indicator (
    topic       TEXT        NOT NULL,
    key         TEXT        NOT NULL,
    indicator   TEXT        NOT NULL,
    year        INT         NOT NULL,
    grp         TEXT        NOT NULL,
    area_level  TEXT        NOT NULL,
    area_code   TEXT        NOT NULL,
    parent_code TEXT,
    value       JSONB       NOT NULL,
    computed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (topic, key)
);
CREATE INDEX indicator_query ON indicator (indicator, year, area_level);
