-- The registry as far as eligibility needs it, from households.household.v1 only.
ALTER TABLE household
    ADD COLUMN district_code   TEXT,
    ADD COLUMN urban           BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN ethnic_minority BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN merit_family    BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE member (
    id                     UUID PRIMARY KEY,
    household_id           UUID        NOT NULL REFERENCES household (id),
    full_name              TEXT        NOT NULL,
    citizen_id             TEXT,
    date_of_birth          DATE        NOT NULL,
    sex                    TEXT        NOT NULL,
    relation_to_head       TEXT        NOT NULL,
    disability             BOOLEAN     NOT NULL,
    school_enrolled        BOOLEAN     NOT NULL,
    social_protection_type TEXT,
    active                 BOOLEAN     NOT NULL,
    left_on                DATE,
    updated_at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX member_household ON member (household_id);

-- Each survey year's classification, as announced by household.classified.
CREATE TABLE classification (
    household_id        UUID        NOT NULL REFERENCES household (id),
    year                INT         NOT NULL,
    category            TEXT        NOT NULL,
    previous_category   TEXT,
    newly_escaped_since INT,
    deprivation_count   INT         NOT NULL,
    area_code           TEXT        NOT NULL,
    district_code       TEXT        NOT NULL,
    classified_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (household_id, year)
);

-- Amounts that change by decree, each from a date: a change from a date never rewrites what
-- was granted before it.
CREATE TABLE parameter (
    name        TEXT   NOT NULL,
    valid_from  DATE   NOT NULL,
    value       BIGINT NOT NULL CHECK (value >= 0),
    unit        TEXT   NOT NULL,
    legal_basis TEXT   NOT NULL,
    PRIMARY KEY (name, valid_from)
);
INSERT INTO parameter VALUES
    ('BASE_SALARY', DATE '2023-07-01', 1800000, 'VND/month', 'Nghị định 24/2023/NĐ-CP'),
    ('BASE_SALARY', DATE '2024-07-01', 2340000, 'VND/month', 'Nghị định 73/2024/NĐ-CP'),
    ('HEALTH_INSURANCE_RATE', DATE '2015-01-01', 45, 'per mille of the base salary', 'Nghị định 146/2018/NĐ-CP (4.5%)'),
    ('ELECTRICITY_SUPPORT', DATE '2023-05-04', 54180, 'VND/household/month (30 kWh at the first tier, 1,806 VND/kWh)', 'Quyết định 28/2014/QĐ-TTg; Quyết định 1062/QĐ-BCT'),
    ('STUDY_SUPPORT', DATE '2021-09-01', 150000, 'VND/pupil/month, 9 months a year', 'Nghị định 81/2021/NĐ-CP');

-- The programmes. beneficiary: who an entitlement is for; period: how it is granted.
CREATE TABLE programme (
    code        TEXT PRIMARY KEY,
    name_vi     TEXT    NOT NULL,
    name_en     TEXT    NOT NULL,
    beneficiary TEXT    NOT NULL CHECK (beneficiary IN ('PERSON', 'PUPIL', 'HOUSEHOLD')),
    period      TEXT    NOT NULL CHECK (period IN ('YEAR', 'QUARTER', 'ONE_OFF', 'MONTH')),
    automatic   BOOLEAN NOT NULL, -- granted on classification, or applied for
    legal_basis TEXT    NOT NULL
);
INSERT INTO programme VALUES
    ('HEALTH_INSURANCE', 'Thẻ bảo hiểm y tế', 'Health-insurance card', 'PERSON', 'YEAR', true, 'Luật BHYT; Nghị định 146/2018/NĐ-CP'),
    ('ELECTRICITY', 'Hỗ trợ tiền điện', 'Electricity-bill support', 'HOUSEHOLD', 'QUARTER', true, 'Quyết định 28/2014/QĐ-TTg'),
    ('STUDY_SUPPORT', 'Hỗ trợ chi phí học tập', 'Study-cost support', 'PUPIL', 'YEAR', true, 'Nghị định 81/2021/NĐ-CP'),
    ('PREFERENTIAL_LOAN', 'Vay vốn ưu đãi (NHCSXH)', 'Preferential loan (Bank for Social Policies)', 'HOUSEHOLD', 'ONE_OFF', false, 'Nghị định 78/2002/NĐ-CP'),
    ('HOUSING', 'Làm mới, sửa chữa nhà ở', 'Housing: new build or repair', 'HOUSEHOLD', 'ONE_OFF', false, 'Chương trình MTQG giảm nghèo bền vững 2021–2025'),
    ('VOCATIONAL_TRAINING', 'Đào tạo nghề, giải quyết việc làm', 'Vocational training and job placement', 'PERSON', 'ONE_OFF', false, 'Chương trình MTQG giảm nghèo bền vững 2021–2025'),
    ('LIVELIHOOD', 'Hỗ trợ phát triển sản xuất, sinh kế', 'Livelihood support', 'HOUSEHOLD', 'ONE_OFF', false, 'Chương trình MTQG giảm nghèo bền vững 2021–2025'),
    ('SOCIAL_ALLOWANCE', 'Trợ cấp xã hội hằng tháng', 'Monthly social-assistance allowance', 'PERSON', 'MONTH', false, 'Nghị định 20/2021/NĐ-CP');

-- Who qualifies (by the household's standing) and who pays which share, from a date.
-- standing: POOR, NEAR_POOR, NEWLY_ESCAPED (above the near-poor line, escaped within 3 survey years).
CREATE TABLE programme_rule (
    programme_code     TEXT NOT NULL REFERENCES programme (code),
    standing           TEXT NOT NULL CHECK (standing IN ('POOR', 'NEAR_POOR', 'NEWLY_ESCAPED')),
    valid_from         DATE NOT NULL,
    eligible           BOOLEAN NOT NULL,
    state_share_pct    INT  NOT NULL CHECK (state_share_pct BETWEEN 0 AND 100),
    province_share_pct INT  NOT NULL CHECK (province_share_pct BETWEEN 0 AND 100),
    CHECK (state_share_pct + province_share_pct <= 100),
    PRIMARY KEY (programme_code, standing, valid_from)
);
INSERT INTO programme_rule VALUES
    ('HEALTH_INSURANCE', 'POOR', DATE '2022-01-01', true, 100, 0),
    ('HEALTH_INSURANCE', 'NEAR_POOR', DATE '2022-01-01', true, 70, 30),
    ('HEALTH_INSURANCE', 'NEWLY_ESCAPED', DATE '2022-01-01', true, 70, 0),
    ('ELECTRICITY', 'POOR', DATE '2022-01-01', true, 100, 0),
    ('STUDY_SUPPORT', 'POOR', DATE '2022-01-01', true, 100, 0),
    ('STUDY_SUPPORT', 'NEAR_POOR', DATE '2022-01-01', true, 100, 0);

-- What a household or person is owed, for one programme and one period. One per person (or
-- household), programme and period: reclassification and redelivery update it, never double it.
CREATE TABLE entitlement (
    id              UUID PRIMARY KEY,
    programme_code  TEXT        NOT NULL REFERENCES programme (code),
    household_id    UUID        NOT NULL REFERENCES household (id),
    member_id       UUID REFERENCES member (id),
    beneficiary_id  UUID        NOT NULL, -- the member, or the household for household programmes
    period          TEXT        NOT NULL, -- '2024' or '2024-Q1'
    period_start    DATE        NOT NULL,
    period_end      DATE        NOT NULL,
    survey_year     INT         NOT NULL, -- the classification it stems from
    standing        TEXT        NOT NULL,
    amount_vnd      BIGINT      NOT NULL CHECK (amount_vnd >= 0),
    state_vnd       BIGINT      NOT NULL CHECK (state_vnd >= 0),
    province_vnd    BIGINT      NOT NULL CHECK (province_vnd >= 0),
    status          TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'ENDED')),
    ended_on        DATE,
    end_reason      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (programme_code, beneficiary_id, period),
    CHECK ((status = 'ENDED') = (ended_on IS NOT NULL))
);
CREATE INDEX entitlement_household ON entitlement (household_id, period_start);
