-- The national poverty standard as data: one row per period, with its income lines (VND per
-- person per month, rural and urban) and its deprivation indicators. A new period is added
-- through the API (POST /api/poverty-standards) or a migration, never by changing code.
CREATE TABLE poverty_standard (
    id                         TEXT PRIMARY KEY,
    name                       TEXT        NOT NULL,
    legal_basis                TEXT        NOT NULL,
    -- surveys of these years (inclusive) classify by this standard
    first_survey_year          INT         NOT NULL,
    last_survey_year           INT         NOT NULL CHECK (last_survey_year >= first_survey_year),
    -- at or below: poor whatever the deprivations (2016–2020 had such a line; null when none)
    rural_extreme_poor_income  BIGINT,
    urban_extreme_poor_income  BIGINT,
    -- at or below, with at least min_deprivations_poor deprivations: poor
    rural_poor_income          BIGINT      NOT NULL,
    urban_poor_income          BIGINT      NOT NULL,
    -- at or below and not poor: near-poor
    rural_near_poor_income     BIGINT      NOT NULL,
    urban_near_poor_income     BIGINT      NOT NULL,
    -- at or below and not near-poor: average living standard
    rural_average_income       BIGINT      NOT NULL,
    urban_average_income       BIGINT      NOT NULL,
    min_deprivations_poor      INT         NOT NULL CHECK (min_deprivations_poor > 0),
    created_at                 TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by                 TEXT        NOT NULL DEFAULT 'migration',
    -- one standard per survey year
    EXCLUDE USING gist (int4range(first_survey_year, last_survey_year, '[]') WITH &&)
);

CREATE TABLE deprivation_indicator (
    standard_id TEXT NOT NULL REFERENCES poverty_standard (id),
    code        TEXT NOT NULL,
    ordinal     INT  NOT NULL,
    dimension   TEXT NOT NULL,
    name_vi     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    PRIMARY KEY (standard_id, code)
);

-- 2016–2020: Decision 59/2015/QĐ-TTg (5 dimensions, 10 indicators).
INSERT INTO poverty_standard VALUES ('VN-2016-2020', 'Chuẩn nghèo tiếp cận đa chiều 2016–2020',
    'Quyết định 59/2015/QĐ-TTg', 2016, 2020,
    700000, 900000, 1000000, 1300000, 1000000, 1300000, 1500000, 1950000, 3, now(), 'migration');
INSERT INTO deprivation_indicator VALUES
    ('VN-2016-2020', 'HEALTH_SERVICES_ACCESS',   1, 'HEALTH',      'Tiếp cận các dịch vụ y tế', 'Access to health services'),
    ('VN-2016-2020', 'HEALTH_INSURANCE',         2, 'HEALTH',      'Bảo hiểm y tế', 'Health insurance'),
    ('VN-2016-2020', 'ADULT_EDUCATION',          3, 'EDUCATION',   'Trình độ giáo dục của người lớn', 'Adult education level'),
    ('VN-2016-2020', 'CHILD_SCHOOL_ATTENDANCE',  4, 'EDUCATION',   'Tình trạng đi học của trẻ em', 'School attendance of children'),
    ('VN-2016-2020', 'HOUSING_QUALITY',          5, 'HOUSING',     'Chất lượng nhà ở', 'Housing quality'),
    ('VN-2016-2020', 'FLOOR_AREA',               6, 'HOUSING',     'Diện tích nhà ở bình quân đầu người', 'Floor area per person'),
    ('VN-2016-2020', 'WATER_SOURCE',             7, 'WATER_SANITATION', 'Nguồn nước sinh hoạt', 'Domestic water source'),
    ('VN-2016-2020', 'LATRINE',                  8, 'WATER_SANITATION', 'Hố xí/nhà tiêu hợp vệ sinh', 'Hygienic latrine'),
    ('VN-2016-2020', 'TELECOM',                  9, 'INFORMATION', 'Sử dụng dịch vụ viễn thông', 'Use of telecom services'),
    ('VN-2016-2020', 'INFORMATION_ASSETS',      10, 'INFORMATION', 'Tài sản phục vụ tiếp cận thông tin', 'Assets to access information');

-- 2022–2025: Decree 07/2021/NĐ-CP (6 dimensions, 12 indicators); the survey at the end of 2021
-- already used it, so it classifies survey years 2021–2025. No extreme line: a household above
-- the poor line is never poor, however many indicators it lacks.
INSERT INTO poverty_standard VALUES ('VN-2022-2025', 'Chuẩn nghèo đa chiều giai đoạn 2022–2025',
    'Nghị định 07/2021/NĐ-CP', 2021, 2025,
    NULL, NULL, 1500000, 2000000, 1500000, 2000000, 2250000, 3000000, 3, now(), 'migration');
INSERT INTO deprivation_indicator VALUES
    ('VN-2022-2025', 'EMPLOYMENT',               1, 'EMPLOYMENT',  'Việc làm', 'Employment'),
    ('VN-2022-2025', 'DEPENDANTS',               2, 'EMPLOYMENT',  'Người phụ thuộc trong hộ gia đình', 'Dependants in the household'),
    ('VN-2022-2025', 'NUTRITION',                3, 'HEALTH',      'Dinh dưỡng', 'Nutrition'),
    ('VN-2022-2025', 'HEALTH_INSURANCE',         4, 'HEALTH',      'Bảo hiểm y tế', 'Health insurance'),
    ('VN-2022-2025', 'ADULT_EDUCATION',          5, 'EDUCATION',   'Trình độ giáo dục của người lớn', 'Adult education level'),
    ('VN-2022-2025', 'CHILD_SCHOOL_ATTENDANCE',  6, 'EDUCATION',   'Tình trạng đi học của trẻ em', 'School attendance of children'),
    ('VN-2022-2025', 'HOUSING_QUALITY',          7, 'HOUSING',     'Chất lượng nhà ở', 'Housing quality'),
    ('VN-2022-2025', 'FLOOR_AREA',               8, 'HOUSING',     'Diện tích nhà ở bình quân đầu người', 'Floor area per person (< 8 m²)'),
    ('VN-2022-2025', 'WATER_SOURCE',             9, 'WATER_SANITATION', 'Nguồn nước sinh hoạt', 'Domestic water source'),
    ('VN-2022-2025', 'LATRINE',                 10, 'WATER_SANITATION', 'Nhà tiêu hợp vệ sinh', 'Hygienic latrine'),
    ('VN-2022-2025', 'TELECOM',                 11, 'INFORMATION', 'Sử dụng dịch vụ viễn thông', 'Use of telecom services'),
    ('VN-2022-2025', 'INFORMATION_ACCESS',      12, 'INFORMATION', 'Phương tiện phục vụ tiếp cận thông tin', 'Means of access to information');
