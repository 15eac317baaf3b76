-- The registry copy is a projection of households-service's events, and its integrity is the
-- registry's: a member or classification arrives in the same event as, or after, its household
-- (one key, one partition, in order), and nothing here deletes a household. Checking every copied
-- member and classification against the copied household again cost a row lock and an index
-- lookup each, 2.1 million per province load (about 11 s of database CPU, measured). Benefits'
-- own records (entitlements, applications) keep their references to the copy.
ALTER TABLE member DROP CONSTRAINT member_household_id_fkey;
ALTER TABLE classification DROP CONSTRAINT classification_household_id_fkey;
