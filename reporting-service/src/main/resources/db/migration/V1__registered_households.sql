-- Read model built from households.household.v1 only: which commune each household is in,
-- and how many registered households each commune has.
CREATE TABLE household_area (
    household_id UUID PRIMARY KEY,
    area_code    TEXT NOT NULL
);

CREATE TABLE area_households (
    area_code  TEXT PRIMARY KEY,
    households BIGINT NOT NULL
);
