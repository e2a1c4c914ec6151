using Store.Core.Errors;
using Store.Core.Values;

namespace Store.Engine.Tests;

/// <summary>bm25() scores, ORDER BY bm25(...) DESC LIMIT k through the index, and MATCH, against brute force over every row's score.</summary>
public sealed class Bm25QueryTests
{
    private static readonly string[] Words =
        ["steam", "engine", "engines", "river", "boat", "coal", "iron", "night", "train", "the", "of", "mill", "cotton", "bridge", "harbour"];

    [Theory]
    [InlineData("steam engine")]
    [InlineData("river boats at night")]
    [InlineData("coal coal iron")]
    [InlineData("harbour")]
    public void Order_by_bm25_desc_limit_equals_brute_force_over_every_rows_score(string text)
    {
        using var db = Corpus();
        var q = Query(text);
        var expected = BruteForce(db, "bm25(body, :q)", "1 = 1", q).Take(10).ToList();
        Assert.Equal(10, expected.Count);
        Assert.Equal(expected, Scored(db, "SELECT id, bm25(body, :q) FROM docs ORDER BY bm25(body, :q) DESC LIMIT 10", q));
        Assert.Equal(expected, Scored(db, "SELECT id, bm25(body, :q) AS score FROM docs ORDER BY score DESC LIMIT 10", q));
        Assert.Equal(expected, Scored(db, "SELECT id, bm25(body, :q) FROM docs ORDER BY bm25(body, :q) + 0 DESC LIMIT 10", q));
    }

    [Fact]
    public void A_where_filter_with_match_still_returns_k_rows_in_brute_force_order()
    {
        using var db = Corpus();
        var q = Query("steam river");
        var expected = BruteForce(db, "bm25(body, :q)", "year = 1901", q).Where(r => r.Score > 0).Take(10).ToList();
        Assert.Equal(10, expected.Count);
        var found = Scored(db, "SELECT id, bm25(body, :q) AS score FROM docs WHERE body MATCH :q AND year = 1901 ORDER BY score DESC LIMIT 10", q);
        Assert.Equal(expected, found);
        Assert.Equal(expected.Skip(3).Take(4), Scored(db, "SELECT id, bm25(body, :q) AS score FROM docs WHERE year = 1901 ORDER BY score DESC LIMIT 4 OFFSET 3", q));
    }

    [Fact]
    public void Fewer_scoring_rows_than_k_are_followed_by_zero_score_rows_in_rowid_order_as_the_exact_ordering_gives()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT)");
        db.Run("INSERT INTO docs (body) VALUES ('coal'), (NULL), ('steam'), ('iron'), ('steam steam'), ('river')");
        db.Run("CREATE INDEX docs_body ON docs USING bm25 (body) WITH (k1 = 1.2, b = 0.75)");
        var q = Query("steam");
        var expected = BruteForce(db, "bm25(body, :q)", "id <> 4", q).Take(4).ToList();
        Assert.Equal([5L, 3, 1, 2], expected.Select(r => r.Id));

        // By hand: 5 documents (the NULL row is none), 'steam' in 2 of them, mean length 6 / 5.
        var idf = Math.Log(1 + ((5 - 2 + 0.5) / (2 + 0.5)));
        Assert.Equal(idf * 2.2 / (1 + (1.2 * (0.25 + (0.75 * 1 / 1.2)))), expected[1].Score, 12);
        Assert.Equal(0.0, expected[2].Score);
        Assert.Equal(expected, Scored(db, "SELECT id, bm25(body, :q) FROM docs WHERE id <> 4 ORDER BY bm25(body, :q) DESC LIMIT 4", q));
        Assert.Equal(["5", "3"], db.Lines("SELECT id FROM docs WHERE body MATCH :q ORDER BY bm25(body, :q) DESC LIMIT 4", q));
        Assert.Equal(["1", "2", "4"], db.Lines("SELECT id FROM docs WHERE id <> 3 ORDER BY bm25(body, NULL) DESC LIMIT 3"));
        Assert.Equal(["1", "2", "4"], db.Lines("SELECT id FROM docs WHERE id <> 3 ORDER BY bm25(body, NULL) + 0 DESC LIMIT 3"));
    }

    [Fact]
    public void A_several_column_index_is_named_by_its_columns_in_index_order()
    {
        using var db = Corpus();
        db.Run("CREATE INDEX docs_text ON docs USING bm25 (title, body) WITH (k1 = 1.2, b = 0.75)");
        var q = Query("cotton mill");
        var expected = BruteForce(db, "bm25(title, body, :q)", "1 = 1", q).Take(5).ToList();
        Assert.Equal(expected, Scored(db, "SELECT id, bm25(title, body, :q) AS s FROM docs ORDER BY s DESC LIMIT 5", q));
        Assert.NotEqual(expected, BruteForce(db, "bm25(body, :q)", "1 = 1", q).Take(5).ToList());
        Assert.Contains("using index docs_text (title, body)", string.Join("\n", db.Lines("EXPLAIN SELECT id FROM docs ORDER BY bm25(title, body, :q) DESC LIMIT 5", q)), StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_shows_the_bm25_search_with_its_index_terms_k_and_filter()
    {
        using var db = Corpus();
        var plan = string.Join("\n", db.Lines("EXPLAIN SELECT id FROM docs WHERE year > 1900 ORDER BY bm25(body, 'steam engines') DESC LIMIT 10"));
        Assert.Contains("bm25 search of table docs using index docs_body (body) for terms steam engin (exhaustive scoring of the terms' postings, k = 10), filter", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("top-k", plan, StringComparison.OrdinalIgnoreCase);
        var matching = string.Join("\n", db.Lines("EXPLAIN SELECT id FROM docs WHERE body MATCH :q AND year > 1900 ORDER BY bm25(body, :q) DESC LIMIT 10", Query("steam")));
        Assert.Contains("k = 10), only rows matching :q, filter (year > 1900) on each scored row", matching, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_is_true_for_rows_holding_any_query_term_after_analysis()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT)");
        db.Run("INSERT INTO docs (body) VALUES ('Steam Engines'), (NULL), ('the river'), ('coal'), ('an engine')");
        db.Run("CREATE INDEX docs_body ON docs USING bm25 (body)");
        Assert.Equal(["1", "3", "5"], db.Lines("SELECT id FROM docs WHERE body MATCH 'engine OR river' ORDER BY id"));
        Assert.Equal(["2", "4"], db.Lines("SELECT id FROM docs WHERE NOT body MATCH 'engine river' OR body IS NULL ORDER BY id"));
        var coal = db.Query("SELECT bm25(body, 'engine'), bm25(body, NULL) FROM docs WHERE id = 4").Single();
        Assert.Equal(0.0, coal[0].AsReal);
        Assert.True(coal[1].IsNull);
    }

    [Fact]
    public void Match_agrees_with_a_positive_score_on_every_row()
    {
        using var db = Corpus();
        var q = Query("bridge harbour");
        var matching = db.Lines("SELECT id FROM docs WHERE body MATCH :q ORDER BY id", q);
        Assert.NotEmpty(matching);
        Assert.Equal(db.Lines("SELECT id FROM docs WHERE bm25(body, :q) > 0 ORDER BY id", q), matching);
    }

    [Fact]
    public void A_search_inside_a_transaction_sees_its_own_uncommitted_rows()
    {
        using var db = Corpus();
        db.Run("BEGIN");
        db.Run("INSERT INTO docs (id, year, title, body) VALUES (10000, 2000, 'x', 'zeppelin zeppelin')");
        Assert.Equal(["10000"], db.Lines("SELECT id FROM docs WHERE body MATCH 'zeppelin' ORDER BY bm25(body, 'zeppelin') DESC LIMIT 3"));
        db.Run("ROLLBACK");
        Assert.Empty(db.Lines("SELECT id FROM docs WHERE body MATCH 'zeppelin' ORDER BY bm25(body, 'zeppelin') DESC LIMIT 3"));
    }

    [Theory]
    [InlineData("SELECT id FROM docs ORDER BY bm25(title, :q) DESC LIMIT 3", "no bm25 index on docs(title)")]
    [InlineData("SELECT bm25(title, :q) FROM docs", "no bm25 index on docs(title)")]
    [InlineData("SELECT id FROM docs ORDER BY bm25(body, title, :q) DESC LIMIT 3", "no bm25 index on docs(body, title)")]
    [InlineData("SELECT id FROM docs WHERE title MATCH :q", "no bm25 index on docs(title)")]
    public void A_text_query_on_columns_without_a_bm25_index_is_a_typed_error(string sql, string message)
    {
        using var db = Corpus();
        var error = Assert.Throws<StoreException>(() => db.Query(sql, Query("steam")));
        Assert.Equal(ErrorCode.NotFound, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", ErrorCode.InvalidArgument, "has no terms to search for")]
    [InlineData("the of", ErrorCode.InvalidArgument, "has no terms to search for")]
    [InlineData("\"steam engine\"", ErrorCode.NotSupported, "quoted phrases and +term / -term in the text query '\"steam engine\"': bm25 queries are plain words, OR-ed")]
    [InlineData("+steam -river", ErrorCode.NotSupported, "bm25 queries are plain words, OR-ed")]
    public void An_empty_query_or_one_with_phrase_syntax_is_a_typed_error(string text, ErrorCode code, string message)
    {
        using var db = Corpus();
        foreach (var sql in new[]
        {
            "SELECT id FROM docs ORDER BY bm25(body, :q) DESC LIMIT 3",
            "SELECT id FROM docs WHERE body MATCH :q",
            "SELECT bm25(body, :q) FROM docs",
        })
        {
            var error = Assert.Throws<StoreException>(() => db.Query(sql, Query(text)));
            Assert.Equal(code, error.Code);
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_hyphenated_word_is_plain_text_not_an_exclusion()
    {
        using var db = Corpus();
        Assert.Equal(10, db.Query("SELECT id FROM docs ORDER BY bm25(body, 'steam-engine cotton') DESC LIMIT 10").Count);
    }

    /// <summary>400 rows of random words (a few NULL bodies), years 1900 to 1903, with a bm25 index on body.</summary>
    private static SqlRunner Corpus()
    {
        var db = new SqlRunner();
        db.Run("CREATE TABLE docs (id INTEGER PRIMARY KEY, year INTEGER, title TEXT, body TEXT)");
        var random = new Random(16);
        string Text(int count) => string.Join(" ", Enumerable.Range(0, count).Select(_ => Words[random.Next(Words.Length)]));
        var values = Enumerable.Range(1, 400).Select(i => $"({i}, {1900 + (i % 4)}, '{Text(2)}', {(i % 37 == 0 ? "NULL" : $"'{Text(3 + random.Next(20))}'")})");
        db.Run($"INSERT INTO docs (id, year, title, body) VALUES {string.Join(", ", values)}");
        db.Run("CREATE INDEX docs_body ON docs USING bm25 (body) WITH (k1 = 0.9, b = 0.4)");
        return db;
    }

    private static StatementParameters Query(string text) => new StatementParameters().Add("q", DbValue.FromText(text));

    /// <summary>Every row that passes the filter with its score, best first, ties by id: the ordering a top-k must equal.</summary>
    private static List<(long Id, double Score)> BruteForce(SqlRunner db, string score, string where, StatementParameters q) =>
        [.. Scored(db, $"SELECT id, {score} FROM docs WHERE {where}", q).OrderByDescending(r => r.Score).ThenBy(r => r.Id)];

    private static List<(long Id, double Score)> Scored(SqlRunner db, string sql, StatementParameters q) =>
        [.. db.Query(sql, q).Select(r => (r[0].AsInteger, r[1].AsReal))];
}
