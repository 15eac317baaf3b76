-- The search by name matches anywhere in the name (LIKE '%…%'), which this index cannot serve:
-- it was never read, and every household written paid for it (a province's households: 12.9 s
-- of statement time for their COPY with it, 8.1 s without).
--
-- Tried for the same reason and not kept: one active membership per citizen ID as an exclusion
-- constraint over a hash index instead of the unique B-tree. Written alone, 1.67 million members
-- cost 3.4 s for the hash against 6.3 s for the tree (random keys, each on a random leaf), but
-- in the import, two writers at once, the hash was slower (two runs each: 59.7 and 62.2 s against
-- 56.2 and 57.6 s; the registry's database 54.5–60.4 against 52.1–52.5 CPU s).
DROP INDEX household_head_name;
