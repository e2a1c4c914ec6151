-- Vector indexes: an HNSW graph answers ORDER BY <distance> LIMIT k approximately and fast,
-- stays in step with INSERT / UPDATE / DELETE, and keeps filtered queries returning k rows.
-- Run it with:  store :memory: -f sql-samples/04-vector-index.sql

CREATE TABLE docs (
  id     INTEGER PRIMARY KEY,
  title  TEXT NOT NULL,
  year   INTEGER,
  emb    VECTOR(4)
);

INSERT INTO docs VALUES
  (1, 'Aspirin and the heart',         2019, '[0.9, 0.1, 0.0, 0.1]'),
  (2, 'Ibuprofen for pain',            2012, '[0.8, 0.3, 0.1, 0.0]'),
  (3, 'Paracetamol dosing',            2003, '[0.7, 0.2, 0.3, 0.1]'),
  (4, 'Growing carrots',               2019, '[0.0, 0.1, 0.9, 0.3]'),
  (5, 'Potato blight',                 1998, '[0.1, 0.0, 0.8, 0.5]'),
  (6, 'Sourdough starters',            2021, '[0.2, 0.9, 0.1, 0.1]'),
  (7, 'Bread flour protein',           2016, '[0.1, 0.8, 0.2, 0.2]'),
  (8, 'Headache remedies compared',    2020, '[0.85, 0.2, 0.05, 0.1]');

-- USING hnsw builds the graph over the rows already there. Options: metric ('l2', 'ip' for
-- <#> or 'cosine'), m (links per node, 16 by default) and ef_construction (200).
CREATE INDEX docs_emb ON docs USING hnsw (emb) WITH (metric = 'cosine', m = 8, ef_construction = 64);
SHOW INDEXES;

-- ef_search is the candidate list of a search: larger is slower and more exact.
SET hnsw.ef_search = 32;

-- The planner uses the index when the ORDER BY distance matches its metric.
EXPLAIN SELECT id, title FROM docs ORDER BY emb <=> '[1, 0.1, 0, 0]' LIMIT 3;
SELECT id, title, round(emb <=> '[1, 0.1, 0, 0]', 4) AS distance FROM docs ORDER BY emb <=> '[1, 0.1, 0, 0]' LIMIT 3;

-- A query that reads nothing but the id is answered from the index alone, no row is read.
EXPLAIN SELECT id FROM docs ORDER BY emb <=> '[1, 0.1, 0, 0]' LIMIT 3;

-- A filter never starves the answer: without an index on year it runs after the search,
-- which widens until k rows pass; with one, the qualifying rows are found first.
SELECT id, title FROM docs WHERE year >= 2016 ORDER BY emb <=> '[1, 0.1, 0, 0]' LIMIT 3;
CREATE INDEX docs_year ON docs (year);
EXPLAIN SELECT id, title FROM docs WHERE year < 2000 ORDER BY emb <=> '[1, 0.1, 0, 0]' LIMIT 3;
SELECT id, title FROM docs WHERE year < 2000 ORDER BY emb <=> '[1, 0.1, 0, 0]' LIMIT 3;

-- Writes keep the graph in step: the deleted row is gone, the moved one is found where it now is.
DELETE FROM docs WHERE id = 1;
UPDATE docs SET emb = '[1, 0.1, 0, 0]' WHERE id = 6;
SELECT id, title FROM docs ORDER BY emb <=> '[1, 0.1, 0, 0]' LIMIT 3;

-- A deleted row's node stays in the graph as a tombstone that searches pass through.
-- REINDEX rebuilds an index (or every index of a table, or with no name all of them)
-- from the live rows, inside the transaction, as SQLite's REINDEX does (PostgreSQL's
-- REINDEX INDEX name and REINDEX TABLE name are accepted too).
REINDEX docs_emb;
SELECT id, title FROM docs ORDER BY emb <=> '[1, 0.1, 0, 0]' LIMIT 3;

-- An index on another metric is not used for this operator: this is the exact scan.
EXPLAIN SELECT id FROM docs ORDER BY emb <-> '[1, 0.1, 0, 0]' LIMIT 3;

PRAGMA integrity_check;
