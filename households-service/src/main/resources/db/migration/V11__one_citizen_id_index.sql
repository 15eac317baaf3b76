-- A citizen ID was indexed twice: the unique index over active members (one active membership
-- per person) and a second over every member, for finding the households a person belongs or
-- belonged to. An import writes every member into both (1.43 million members: 3 s of the
-- 12.6 s they took). The second now covers only former members (few, and none in an import);
-- the search asks for "active or not", which PostgreSQL answers from both indexes at once
-- (BitmapOr, see HouseholdRepository.search).
DROP INDEX member_citizen_id;
CREATE INDEX member_former_citizen_id ON member (citizen_id) WHERE NOT active;
