namespace Store.Shell.Demo;

/// <summary>The example queries the demo runs over its passages, each with a comment that says what it shows.</summary>
internal static class DemoQueries
{
    public static IReadOnlyList<(string Comment, string Sql)> All { get; } =
    [
        ("Dense search: the query is embedded with the model's query prefix and compared by cosine distance through the HNSW index.",
            "SELECT id, topic, title, round(emb <=> embed_query('arctic', 'how do plants turn sunlight into food'), 3) AS distance\n"
            + "FROM passages ORDER BY distance LIMIT 3;"),
        ("Lexical search: the same question scored by BM25 over title and body. Words, not meaning: it finds passages that share the question's words, where the dense search above finds those that answer it.",
            "SELECT id, topic, title, round(bm25(title, body, 'how do plants turn sunlight into food'), 3) AS score\n"
            + "FROM passages ORDER BY score DESC LIMIT 3;"),
        ("Filtered search: only passages about events since 1900; the filter never starves the answer of rows.",
            "SELECT id, year, title FROM passages WHERE year >= 1900\n"
            + "ORDER BY emb <=> embed_query('arctic', 'machines that think and learn') LIMIT 3;"),
        ("A filter on an indexed column (topic) is applied before the search when few rows pass it.",
            "SELECT id, title FROM passages WHERE topic = 'health'\n"
            + "ORDER BY emb <=> embed_query('arctic', 'which medicine thins the blood') LIMIT 3;"),
        ("First stage then rerank: 20 candidates from the index, re-scored against the query, best 3 kept.",
            "SELECT c.id, c.title, round(rerank('arctic', 'the fall of empires', c.body), 3) AS score\n"
            + "FROM (SELECT id, title, body FROM passages ORDER BY emb <=> embed_query('arctic', 'the fall of empires') LIMIT 20) AS c\n"
            + "ORDER BY score DESC LIMIT 3;"),
        ("EXPLAIN shows how a query runs: the index, the filter strategy and the search breadth.",
            "EXPLAIN SELECT id FROM passages WHERE year >= 1900 ORDER BY emb <=> embed_query('arctic', 'space travel') LIMIT 3;"),
    ];
}
