-- Programmes that households apply for: preferential loans, housing, vocational training,
-- livelihood support. Who may apply, by standing, from a date:
INSERT INTO programme_rule VALUES
    ('PREFERENTIAL_LOAN', 'POOR', DATE '2022-01-01', true, 100, 0),
    ('PREFERENTIAL_LOAN', 'NEAR_POOR', DATE '2022-01-01', true, 100, 0),
    ('PREFERENTIAL_LOAN', 'NEWLY_ESCAPED', DATE '2022-01-01', true, 100, 0),
    ('HOUSING', 'POOR', DATE '2022-01-01', true, 100, 0),
    ('HOUSING', 'NEAR_POOR', DATE '2022-01-01', true, 100, 0),
    ('VOCATIONAL_TRAINING', 'POOR', DATE '2022-01-01', true, 100, 0),
    ('VOCATIONAL_TRAINING', 'NEAR_POOR', DATE '2022-01-01', true, 100, 0),
    ('VOCATIONAL_TRAINING', 'NEWLY_ESCAPED', DATE '2022-01-01', true, 100, 0),
    ('LIVELIHOOD', 'POOR', DATE '2022-01-01', true, 100, 0),
    ('LIVELIHOOD', 'NEAR_POOR', DATE '2022-01-01', true, 100, 0),
    ('LIVELIHOOD', 'NEWLY_ESCAPED', DATE '2022-01-01', true, 100, 0);

INSERT INTO parameter VALUES
    ('LOAN_RATE_POOR', DATE '2023-01-01', 660, 'basis points a year (6.6%); near-poor pay 120%, newly escaped 125% of it', 'Quyết định 1526/QĐ-TTg'),
    ('LOAN_MAX', DATE '2023-01-01', 100000000, 'VND per household', 'Quyết định 1526/QĐ-TTg'),
    ('HOUSING_NEW_BUILD', DATE '2022-01-01', 40000000, 'VND per house', 'Nghị định 27/2022/NĐ-CP'),
    ('HOUSING_REPAIR', DATE '2022-01-01', 20000000, 'VND per house', 'Nghị định 27/2022/NĐ-CP'),
    ('TRAINING_COURSE_MAX', DATE '2022-01-01', 6000000, 'VND per trainee', 'Chương trình MTQG giảm nghèo bền vững 2021–2025'),
    ('LIVELIHOOD_MAX', DATE '2022-01-01', 15000000, 'VND per household', 'Chương trình MTQG giảm nghèo bền vững 2021–2025');
UPDATE catalogue_version SET version = version + 1;

-- An application: submitted by one officer, approved by another, then carried out. kind holds
-- the programme's detail (loan term, house kind).
CREATE TABLE application (
    id                UUID PRIMARY KEY,
    programme_code    TEXT        NOT NULL REFERENCES programme (code),
    household_id      UUID        NOT NULL REFERENCES household (id),
    member_id         UUID REFERENCES member (id),
    standing          TEXT        NOT NULL,
    funding_source    TEXT        NOT NULL,
    amount_vnd        BIGINT      NOT NULL CHECK (amount_vnd > 0),
    kind              TEXT,
    term_months       INT CHECK (term_months BETWEEN 1 AND 120),
    rate_bp           INT,
    status            TEXT        NOT NULL CHECK (status IN ('SUBMITTED', 'APPROVED', 'REJECTED', 'DISBURSED',
                                                             'IN_PROGRESS', 'COMPLETED', 'PLACED')),
    disbursed_vnd     BIGINT      NOT NULL DEFAULT 0,
    repaid_vnd        BIGINT      NOT NULL DEFAULT 0 CHECK (repaid_vnd <= disbursed_vnd),
    stages_accepted   TEXT[]      NOT NULL DEFAULT '{}',
    employer          TEXT,
    note              TEXT,
    submitted_at      TIMESTAMPTZ NOT NULL,
    submitted_by      TEXT        NOT NULL,
    decided_at        TIMESTAMPTZ,
    decided_by        TEXT,
    updated_at        TIMESTAMPTZ NOT NULL,
    CHECK (decided_by IS NULL OR decided_by <> submitted_by)
);
CREATE INDEX application_household ON application (household_id);

-- Money moved for an application: disbursements (loan, tranches, course fee) and repayments.
CREATE TABLE application_movement (
    id             UUID PRIMARY KEY,
    application_id UUID        NOT NULL REFERENCES application (id),
    kind           TEXT        NOT NULL CHECK (kind IN ('DISBURSEMENT', 'REPAYMENT')),
    label          TEXT        NOT NULL, -- e.g. LOAN, FOUNDATION, WALLS_AND_ROOF, COMPLETED, COURSE_FEE
    amount_vnd     BIGINT      NOT NULL CHECK (amount_vnd > 0),
    on_date        DATE        NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL,
    recorded_by    TEXT        NOT NULL,
    UNIQUE (application_id, kind, label) -- a tranche is paid once; repayments are numbered
);
