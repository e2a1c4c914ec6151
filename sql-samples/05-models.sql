-- Models inside SQL: text goes in, vectors and scores come out, in the same statement.
-- The built-in models work offline with no configuration; arctic is the default.
-- Run it with:  store :memory: -f sql-samples/05-models.sql
SHOW MODELS;

CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, emb VECTOR(384));
INSERT INTO notes (id, body) VALUES
  (1, 'Keep bread in a paper bag at room temperature; the fridge makes it stale faster.'),
  (2, 'A cast iron pan needs a thin coat of oil after washing so it does not rust.'),
  (3, 'Water boils at a lower temperature at high altitude, so pasta takes longer to cook.'),
  (4, 'Backups are only real once you have tried restoring one.'),
  (5, 'An index on the filter column lets the database skip most of the table.'),
  (6, 'Tomatoes keep their flavour better outside the refrigerator.');

-- embed() over a whole table runs the model once per batch of rows, not once per row.
UPDATE notes SET emb = embed('arctic', body);
SELECT id, vector_dims(emb) AS dims FROM notes WHERE id <= 2;

-- embed_query() adds the model's query prefix (arctic has one) and caches the vector.
SELECT id, body FROM notes ORDER BY emb <=> embed_query('arctic', 'how should I store bread?') LIMIT 2;
SELECT id FROM notes ORDER BY emb <=> embed_query('arctic', 'making queries faster') LIMIT 1;

-- rerank() scores candidates against the query, higher is better: plain model name for exact
-- cosine re-scoring, model.maxsim for late interaction over the model's token vectors.
SELECT c.id, round(rerank('arctic.maxsim', 'food storage', c.body), 3) AS score
FROM (SELECT id, body FROM notes ORDER BY emb <=> embed_query('arctic', 'food storage') LIMIT 4) AS c
ORDER BY score DESC LIMIT 3;

-- rerank() in FROM takes the whole candidate list at once, so a listwise reranker sees every
-- candidate together: the subquery's rows come back best first with a score column, the
-- subquery's last column being the text scored.
SELECT r.id, round(r.score, 3) AS score
FROM rerank('arctic.listwise', 'food storage',
            (SELECT id, body FROM notes ORDER BY emb <=> embed_query('arctic', 'food storage') LIMIT 4)) AS r
LIMIT 3;
