-- Whether an import's rows were staged in the database to be checked there (files not in order of
-- household code), or checked as they were read, side by side, and read again to apply (files in
-- that order, as survey tools export them: nothing staged). Null until the rows are checked, and
-- for jobs from before.
ALTER TABLE import_job ADD COLUMN staged BOOLEAN;
