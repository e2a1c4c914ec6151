-- Vectors: VECTOR(n) and SPARSE columns, their literals, distances and exact nearest-neighbour search.
-- Run it with:  store :memory: -f sql-samples/02-vectors.sql

CREATE TABLE items (
  id     INTEGER PRIMARY KEY,
  name   TEXT NOT NULL,
  kind   TEXT,
  emb    VECTOR(3),
  terms  SPARSE
);

-- Dense literals are '[x, y, z]' (pgvector's form); sparse literals are '{index:weight, ...}'.
INSERT INTO items VALUES
  (1, 'apple',  'fruit', '[1.0, 0.1, 0.0]', '{10:0.9, 42:0.3}'),
  (2, 'pear',   'fruit', '[0.9, 0.2, 0.1]', '{10:0.7, 77:0.5}'),
  (3, 'carrot', 'root',  '[0.1, 1.0, 0.0]', '{55:1.2}'),
  (4, 'potato', 'root',  '[0.0, 0.9, 0.3]', '{55:0.4, 77:0.2}'),
  (5, 'stone',  NULL,    '[0.0, 0.0, 1.0]', NULL),
  (6, 'nothing', NULL,   NULL,              NULL);

-- The distance operators: <-> Euclidean, <#> negative inner product, <=> cosine distance.
SELECT name,
       round(emb <-> '[1, 0, 0]', 4) AS l2,
       round(emb <#> '[1, 0, 0]', 4) AS neg_ip,
       round(emb <=> '[1, 0, 0]', 4) AS cosine
FROM items WHERE id <= 3 ORDER BY id;

-- The k nearest neighbours: ORDER BY a distance with LIMIT is an exact top-k scan (rows
-- without a vector are left out, as pgvector does).
SELECT id, name, emb <=> '[0.95, 0.15, 0.05]' AS distance
FROM items ORDER BY distance LIMIT 3;

-- A filter narrows the candidates before the top-k.
SELECT name FROM items WHERE kind = 'root' ORDER BY emb <-> '[0, 1, 0]' LIMIT 5;

-- EXPLAIN shows the plan: a bounded heap over the scan, never a full sort.
EXPLAIN SELECT name FROM items ORDER BY emb <=> '[1, 0, 0]' LIMIT 2;

-- The function forms, and helpers.
SELECT l2_distance('[0, 0]', '[3, 4]') AS l2,
       inner_product('[1, 2]', '[3, 4]') AS ip,
       cosine_distance('[1, 0]', '[0, 1]') AS cosine,
       vector_dims(emb) AS dims
FROM items WHERE id = 1;

-- Sparse vectors: a dot product over shared indexes.
SELECT name, round(inner_product(terms, '{10:1.0, 55:1.0}'), 4) AS score
FROM items WHERE terms IS NOT NULL ORDER BY score DESC, id;
