namespace Store.Testing.Fuzzing;

/// <summary>
/// Produces broken and strange SQL from valid statements: deleted, duplicated, swapped and
/// inserted tokens, truncations, and sequences of random tokens, so parser and engine meet
/// input no test author would write. The statements mutated are <see cref="Seeds"/> unless
/// others are given (the bench's campaign adds the SQL samples').
/// </summary>
public sealed class SqlMutator(Random random, IReadOnlyList<string>? seeds = null)
{
    public static readonly string[] Seeds =
    [
        "SELECT id, title FROM docs WHERE year >= 2015 AND title LIKE 'a%' ORDER BY year DESC, id LIMIT 10 OFFSET 2",
        "SELECT d.id, COUNT(*) AS n FROM docs d LEFT JOIN notes n ON n.doc = d.id GROUP BY d.id HAVING COUNT(*) > 1",
        "SELECT id, emb <=> '[0.1, 0.2, 0.3]' AS dist FROM docs ORDER BY dist LIMIT 5",
        "SELECT CASE WHEN year IS NULL THEN 'none' ELSE CAST(year AS TEXT) END, -score * 2 % 3 FROM docs WHERE id IN (1, 2, NULL)",
        "SELECT c.title FROM (SELECT title, score FROM docs ORDER BY score DESC LIMIT 3) AS c WHERE c.score BETWEEN 1 AND 2",
        "INSERT INTO docs (id, title, year, score, emb) VALUES (10, 'x', 2020, 1.5, '[1, 2, 3]'), (11, 'y', NULL, NULL, NULL)",
        "UPDATE docs SET score = score + 1, title = upper(title) || '!' WHERE year < 2018",
        "DELETE FROM docs WHERE id = :id OR title = @t OR year = ?",
        "CREATE TABLE extra (id INTEGER PRIMARY KEY, v VECTOR(3), s SPARSE, b BOOLEAN NOT NULL)",
        "CREATE INDEX docs_year ON docs (year, title)",
        "EXPLAIN SELECT * FROM docs WHERE id = 3",
        "SET hnsw.ef_search = 40",
        "SELECT inner_product('{1:0.5, 3:1.0}', '{3:2}'), vector_dims('[1,2]'), coalesce(NULL, 1), substr('hello', 2, 3)",
    ];

    private static readonly string[] Tokens =
    [
        "SELECT", "FROM", "WHERE", "(", ")", ",", ";", "*", "+", "-", "/", "%", "||", "=", "<>", "<", "<=", ">", ">=", "<->", "<#>",
        "<=>", "AND", "OR", "NOT", "NULL", "IS", "IN", "LIKE", "BETWEEN", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "AS", "ORDER",
        "BY", "GROUP", "HAVING", "LIMIT", "OFFSET", "JOIN", "LEFT", "ON", "DISTINCT", "INSERT", "INTO", "VALUES", "UPDATE", "SET",
        "DELETE", "CREATE", "TABLE", "INDEX", "DROP", "docs", "id", "title", "year", "emb", "1", "0", "-1", "2.5", "1e308", "99999999999999999999",
        "'text'", "''", "'[1,2,3]'", "'{1:2}'", ":p", "@q", "?", "\"quoted\"", "count", "sum", "max", "length", "VECTOR(3)", ".",
    ];

    public string Next()
    {
        if (random.Next(5) == 0)
        {
            return string.Join(" ", Enumerable.Range(0, random.Next(1, 25)).Select(_ => Tokens[random.Next(Tokens.Length)]));
        }

        var from = seeds ?? Seeds;
        var words = from[random.Next(from.Count)].Split(' ').ToList();
        for (var edits = random.Next(1, 4); edits > 0 && words.Count > 0; edits--)
        {
            var at = random.Next(words.Count);
            switch (random.Next(6))
            {
                case 0:
                    words.RemoveAt(at);
                    break;
                case 1:
                    words.Insert(at, words[random.Next(words.Count)]);
                    break;
                case 2:
                    (words[at], words[^1]) = (words[^1], words[at]);
                    break;
                case 3:
                    words.Insert(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 4:
                    words.RemoveRange(at, words.Count - at);
                    break;
                default:
                    var word = words[at];
                    words[at] = word.Length > 1 ? word.Remove(random.Next(word.Length), 1) : word + word;
                    break;
            }
        }

        return string.Join(" ", words);
    }
}
