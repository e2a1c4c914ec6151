-- Sparse retrieval: lexical search with a BM25 index, and sparse vectors ranked exactly.
-- Run it with:  store :memory: -f sql-samples/06-sparse.sql
CREATE TABLE docs (id INTEGER PRIMARY KEY, year INTEGER, title TEXT, body TEXT, sv SPARSE);
INSERT INTO docs (id, year, title, body, sv) VALUES
  (1, 1769, 'Watt', 'James Watt improved the steam engine with a separate condenser.', '{1:0.9, 2:0.4}'),
  (2, 1804, 'Trevithick', 'The first steam locomotive ran on rails at the Penydarren ironworks.', '{1:0.5, 3:0.8}'),
  (3, 1825, 'Canals', 'Barges on the canals carried coal to the mills; a horse pulled each boat.', '{4:0.7, 5:0.3}'),
  (4, 1830, 'Railways', 'The railway between Liverpool and Manchester used steam engines from the start.', '{1:0.6, 3:0.6, 6:0.2}'),
  (5, 1845, 'Mills', 'Cotton mills ran on water wheels before steam power reached them.', '{5:0.9, 1:0.1}'),
  (6, 1880, 'Electricity', 'Dynamos and electric motors began to replace steam in the factories.', '{7:1.0, 1:0.2}');

-- A BM25 index over one TEXT column (k1, b and the language are options; english stems and drops stop words).
CREATE INDEX docs_body ON docs USING bm25 (body) WITH (k1 = 0.9, b = 0.4, language = 'english');

-- MATCH keeps the rows holding at least one of the query's words (after stemming: 'engines' finds 'engine').
SELECT id, title FROM docs WHERE body MATCH 'engines canals' ORDER BY id;

-- bm25() is the row's score under that index; ORDER BY it DESC LIMIT k is the index's top-k search.
SELECT id, title, round(bm25(body, 'steam engine'), 4) AS score FROM docs WHERE body MATCH 'steam engine' ORDER BY score DESC LIMIT 3;

-- A filter still returns k rows whenever k rows match.
SELECT id, year FROM docs WHERE year > 1800 ORDER BY bm25(body, 'steam engine') DESC LIMIT 2;
EXPLAIN SELECT id FROM docs WHERE year > 1800 ORDER BY bm25(body, 'steam engine') DESC LIMIT 2;

-- Several TEXT columns scored as one field: name the columns in index order, then the query.
CREATE INDEX docs_text ON docs USING bm25 (title, body);
SELECT id, title FROM docs ORDER BY bm25(title, body, 'mills railways') DESC LIMIT 3;

-- A row with none of the words scores 0; quoted phrases and +/- are not supported yet.
SELECT id, round(bm25(body, 'locomotive'), 4) AS score FROM docs WHERE id <= 3 ORDER BY id;

-- Sparse vectors ranked by negative inner product (an exact scan; the sparse index comes later).
SELECT id, title, round(sv <#> '{1:1.0, 3:0.2}', 2) AS distance FROM docs ORDER BY sv <#> '{1:1.0, 3:0.2}' LIMIT 3;
