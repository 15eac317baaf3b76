-- Raised by every change of the catalogue (programmes, rules, amounts), so that each replica
-- keeps its copy of the catalogue and reads it again only after a change.
CREATE TABLE catalogue_version (
    id      INT    PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO catalogue_version VALUES (1, 0);
