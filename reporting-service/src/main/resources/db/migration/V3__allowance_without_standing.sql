-- benefits-service grants the monthly social allowance to members of households with no poverty
-- standing (an 80-year-old without a pension): their entitlement events carry no standing.
ALTER TABLE entitlement ALTER COLUMN standing DROP NOT NULL;
