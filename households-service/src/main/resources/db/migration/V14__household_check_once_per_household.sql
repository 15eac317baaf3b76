-- V10's check per statement probed the household index once per row written: a chunk of an
-- import writes about 7,000 members of 2,000 households, so 7,000 probes where 2,000 answer the
-- same question (a province: 5.4 s of statement time for the members' checks). It now asks once
-- per household. With DISTINCT the planner, which knows nothing of a transition table's rows,
-- preferred to hash or sort the whole household table (84 ms a chunk at the end of a province,
-- measured in session 9): the function keeps it to probing the index, a nested loop.
CREATE OR REPLACE FUNCTION refuse_unregistered_household() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    missing UUID;
BEGIN
    SELECT w.household_id INTO missing FROM (SELECT DISTINCT household_id FROM written) w
        WHERE NOT EXISTS (SELECT 1 FROM household h WHERE h.id = w.household_id) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'a % row names household %, which is not registered', TG_TABLE_NAME, missing
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END
$$;
