-- state changed by the test application together with its events
CREATE TABLE test_note (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    note_key TEXT NOT NULL,
    seq      INT  NOT NULL,
    text     TEXT NOT NULL
);

-- one row per event a test consumer applied: a doubled event shows as a second row
CREATE TABLE test_effect (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consumer TEXT NOT NULL,
    event_id UUID NOT NULL,
    note_key TEXT NOT NULL,
    seq      INT  NOT NULL
);
