-- The registry consumer writes a batch of events at commit, and Hibernate sorts the inserts by
-- entity: a classification or member of a household registered in the same batch may be
-- inserted before the household (the entities hold ids, not associations). The references to
-- the registry copy are checked at commit instead, when the whole batch is in.
ALTER TABLE member ALTER CONSTRAINT member_household_id_fkey DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE classification ALTER CONSTRAINT classification_household_id_fkey DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE entitlement ALTER CONSTRAINT entitlement_household_id_fkey DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE entitlement ALTER CONSTRAINT entitlement_member_id_fkey DEFERRABLE INITIALLY DEFERRED;
