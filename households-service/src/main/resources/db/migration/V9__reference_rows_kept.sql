-- Areas and poverty standards are reference data: a household's commune and a survey's area and
-- standard are checked by the service when they are written (registration, survey, the import's
-- checks of its staged rows), and the rows they name are never deleted or renumbered — an area
-- that goes away is merged (successor_code), a standard ends (last_survey_year). The foreign keys
-- re-checked every row against them anyway, each check a row lock on the same few hundred area
-- rows that both import threads held at once (PostgreSQL then builds a multixact per lock): in a
-- whole-province load 1.4 million checks, 28 s of database time (pg_stat_statements, measured).
-- What the foreign keys guarded against from the other side is now refused here instead.
ALTER TABLE household DROP CONSTRAINT household_area_fk;
ALTER TABLE survey DROP CONSTRAINT survey_area_code_fkey, DROP CONSTRAINT survey_standard_id_fkey;

CREATE FUNCTION refuse_reference_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are never deleted or renumbered: households and surveys name them', TG_TABLE_NAME
        USING ERRCODE = 'foreign_key_violation';
END
$$;
CREATE TRIGGER area_kept BEFORE DELETE OR TRUNCATE ON area
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_reference_change();
CREATE TRIGGER area_code_kept BEFORE UPDATE OF code ON area
    FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION refuse_reference_change();
CREATE TRIGGER poverty_standard_kept BEFORE DELETE OR TRUNCATE ON poverty_standard
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_reference_change();
CREATE TRIGGER poverty_standard_id_kept BEFORE UPDATE OF id ON poverty_standard
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION refuse_reference_change();
