-- Schema, indexes, plans and transactions.
-- Run it with:  store :memory: -f sql-samples/03-schema-and-transactions.sql

CREATE TABLE events (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, at INTEGER, ok BOOLEAN);
INSERT INTO events (kind, at, ok) VALUES
  ('login', 100, TRUE), ('search', 105, TRUE), ('search', 130, FALSE), ('logout', 200, TRUE);

-- A B+tree index on a column; the planner uses it for equality and ranges.
CREATE INDEX events_kind ON events (kind);
CREATE INDEX events_at ON events (at);

EXPLAIN SELECT id FROM events WHERE kind = 'search';
EXPLAIN SELECT id FROM events WHERE at BETWEEN 100 AND 150;
EXPLAIN SELECT kind FROM events WHERE id = 2;

SELECT id, kind, at FROM events WHERE at BETWEEN 100 AND 150 ORDER BY at;

-- What the database holds.
SHOW TABLES;
SHOW INDEXES;
DESCRIBE events;

-- A transaction: its changes appear together at COMMIT, or not at all after ROLLBACK.
BEGIN;
INSERT INTO events (kind, at, ok) VALUES ('crash', 300, FALSE);
ROLLBACK;

BEGIN;
UPDATE events SET ok = TRUE WHERE ok = FALSE;
INSERT INTO events (kind, at, ok) VALUES ('login', 400, TRUE);
COMMIT;

SELECT kind, COUNT(*) AS n, SUM(ok) AS succeeded FROM events GROUP BY kind ORDER BY kind;

-- Settings for the vector indexes (used by HNSW and IVF queries).
SET hnsw.ef_search = 80;

-- The integrity check walks every page.
PRAGMA integrity_check;

DROP INDEX events_at;
DROP TABLE events;
SHOW TABLES;
