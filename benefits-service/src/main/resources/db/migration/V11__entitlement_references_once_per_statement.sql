-- Entitlements named their programme, household and member by foreign keys: a lookup and a row
-- lock each, three per entitlement written (the programme's row, locked by both consumers at
-- once, became a multixact). Measured on a province's tables, 186,000 entitlements inserted in
-- one statement: 5.0–5.1 s with the keys, 2.5–2.8 s without. The same rule is now checked once
-- per statement over the rows written, each household, member and programme looked up once
-- (the function keeps the planner to index probes: it knows nothing of a transition table's
-- rows). Entitlements are written by COPY after the households and members of the same batch
-- (RegistryCopyRepository.insert), so the check needs no deferral; an entitlement never changes
-- its programme, household or member, and none of the rows it names is ever deleted (the copy
-- follows a registry that keeps its rows; programmes stay for the entitlements' history), so
-- what the keys guarded against from the other side is refused instead.
ALTER TABLE entitlement DROP CONSTRAINT entitlement_programme_code_fkey,
    DROP CONSTRAINT entitlement_household_id_fkey,
    DROP CONSTRAINT entitlement_member_id_fkey;

CREATE FUNCTION refuse_entitlement_without_references() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    missing TEXT;
BEGIN
    SELECT 'household ' || w.household_id INTO missing FROM (SELECT DISTINCT household_id FROM written) w
        WHERE NOT EXISTS (SELECT 1 FROM household h WHERE h.id = w.household_id) LIMIT 1;
    IF missing IS NULL THEN
        SELECT 'member ' || w.member_id INTO missing
            FROM (SELECT DISTINCT member_id FROM written WHERE member_id IS NOT NULL) w
            WHERE NOT EXISTS (SELECT 1 FROM member m WHERE m.id = w.member_id) LIMIT 1;
    END IF;
    IF missing IS NULL THEN
        SELECT 'programme ' || w.programme_code INTO missing FROM (SELECT DISTINCT programme_code FROM written) w
            WHERE NOT EXISTS (SELECT 1 FROM programme p WHERE p.code = w.programme_code) LIMIT 1;
    END IF;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'an entitlement names %, which does not exist', missing
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER entitlement_references AFTER INSERT ON entitlement REFERENCING NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_entitlement_without_references();

CREATE FUNCTION refuse_entitlement_reference_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'an entitlement keeps its programme, household and member'
        USING ERRCODE = 'foreign_key_violation';
END
$$;
CREATE TRIGGER entitlement_references_kept BEFORE UPDATE ON entitlement FOR EACH ROW
    WHEN (OLD.programme_code IS DISTINCT FROM NEW.programme_code OR OLD.household_id IS DISTINCT FROM NEW.household_id
          OR OLD.member_id IS DISTINCT FROM NEW.member_id)
    EXECUTE FUNCTION refuse_entitlement_reference_change();

CREATE FUNCTION refuse_named_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are never deleted or renumbered: entitlements name them', TG_TABLE_NAME
        USING ERRCODE = 'foreign_key_violation';
END
$$;
CREATE TRIGGER household_kept BEFORE DELETE OR TRUNCATE ON household
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_named_row_change();
CREATE TRIGGER member_kept BEFORE DELETE OR TRUNCATE ON member
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_named_row_change();
CREATE TRIGGER programme_kept BEFORE DELETE OR TRUNCATE ON programme
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_named_row_change();
CREATE TRIGGER household_id_kept BEFORE UPDATE OF id ON household
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION refuse_named_row_change();
CREATE TRIGGER member_id_kept BEFORE UPDATE OF id ON member
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION refuse_named_row_change();
CREATE TRIGGER programme_code_kept BEFORE UPDATE OF code ON programme
    FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION refuse_named_row_change();
