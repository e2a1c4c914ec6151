-- Tables, rows and the SELECT statement: filters, ordering, grouping and joins.
-- Run it with:  store :memory: -f sql-samples/01-tables-and-queries.sql

-- An INTEGER PRIMARY KEY column is the row's id (its rowid).
CREATE TABLE books (
  id      INTEGER PRIMARY KEY,
  title   TEXT NOT NULL,
  author  TEXT,
  year    INTEGER,
  rating  REAL
);

-- Several rows in one INSERT; NULL marks a missing value.
INSERT INTO books (id, title, author, year, rating) VALUES
  (1, 'Pride and Prejudice', 'Austen', 1813, 4.3),
  (2, 'Emma', 'Austen', 1815, 4.0),
  (3, 'Moby-Dick', 'Melville', 1851, 3.5),
  (4, 'Middlemarch', 'Eliot', 1871, NULL),
  (5, 'Persuasion', 'Austen', 1817, 4.1),
  (6, 'Anonymous Verses', NULL, NULL, 2.0);

-- WHERE filters, ORDER BY sorts (NULLs come first in ascending order, as in SQLite).
SELECT title, year FROM books WHERE year < 1860 ORDER BY year DESC;

SELECT title, rating FROM books ORDER BY rating, id;

-- LIKE is case-insensitive for ASCII letters; % matches any run of characters.
SELECT title FROM books WHERE title LIKE '%p%' ORDER BY title;

-- Expressions: arithmetic (integer division truncates), ||, CASE, CAST and functions.
SELECT title,
       1900 - year AS age,
       upper(author) || ' (' || CAST(year AS TEXT) || ')' AS label,
       CASE WHEN rating >= 4 THEN 'liked' WHEN rating IS NULL THEN 'unrated' ELSE 'mixed' END AS verdict
FROM books WHERE id <= 4 ORDER BY id;

-- Aggregates per group; HAVING filters groups.
SELECT author, COUNT(*) AS books, AVG(rating) AS mean_rating, MIN(year) AS first
FROM books WHERE author IS NOT NULL
GROUP BY author HAVING COUNT(*) >= 1
ORDER BY books DESC, author;

-- LIMIT and OFFSET page through an ordering.
SELECT id, title FROM books ORDER BY id LIMIT 2 OFFSET 2;

-- Joins: a second table keyed to the first.
CREATE TABLE reviews (book INTEGER, reviewer TEXT, stars INTEGER);
INSERT INTO reviews VALUES (1, 'ann', 5), (1, 'bob', 4), (3, 'ann', 3), (9, 'cat', 1);

SELECT b.title, r.reviewer, r.stars
FROM reviews r JOIN books b ON b.id = r.book
ORDER BY b.title, r.reviewer;

-- A LEFT JOIN keeps books without reviews (their review columns are NULL).
SELECT b.title, COUNT(r.stars) AS reviews
FROM books b LEFT JOIN reviews r ON r.book = b.id
GROUP BY b.title ORDER BY reviews DESC, b.title;

-- A subquery in FROM.
SELECT t.author, t.best FROM (SELECT author, MAX(rating) AS best FROM books GROUP BY author) AS t
WHERE t.best > 3 ORDER BY t.best DESC;

-- UPDATE and DELETE report how many rows they changed.
UPDATE books SET rating = 4.5 WHERE title = 'Emma';
DELETE FROM books WHERE author IS NULL;
SELECT COUNT(*) AS books, SUM(rating) AS total_rating FROM books;
