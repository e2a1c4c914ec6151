using Store.Core.Errors;

namespace Store.Engine.Tests;

public class SelectTests
{
    private static SqlRunner Docs()
    {
        var db = new SqlRunner();
        db.Run("""
            CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT NOT NULL, year INTEGER, score REAL);
            INSERT INTO docs (id, title, year, score) VALUES
              (1, 'Aspirin', 2019, 0.5), (2, 'Ibuprofen', 2015, 1.5), (3, 'Paracetamol', NULL, 2.5),
              (4, 'aspartame', 2019, NULL), (5, 'Codeine', 2001, 3.0);
            """);
        return db;
    }

    [Fact]
    public void Where_order_and_limit_select_the_expected_rows()
    {
        using var db = Docs();
        Assert.Equal(["2|Ibuprofen", "1|Aspirin"], db.Lines("SELECT id, title FROM docs WHERE year >= 2010 AND score IS NOT NULL ORDER BY score DESC LIMIT 2"));
    }

    [Fact]
    public void Rowid_unqualified_over_three_joined_tables_is_ambiguous_not_the_last_table_s()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE a (x INTEGER); CREATE TABLE b (x INTEGER); CREATE TABLE c (x INTEGER); INSERT INTO a VALUES (1); INSERT INTO b VALUES (1); INSERT INTO c VALUES (1)");
        var error = Assert.Throws<StoreException>(() => db.Lines("SELECT rowid FROM a JOIN b ON a.x = b.x JOIN c ON b.x = c.x"));
        Assert.Equal(ErrorCode.AmbiguousName, error.Code);
        Assert.Equal(["1"], db.Lines("SELECT c.rowid FROM a JOIN b ON a.x = b.x JOIN c ON b.x = c.x"));
    }

    [Fact]
    public void A_vector_as_text_is_its_literal_with_the_shell_s_spacing()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE v (id INTEGER PRIMARY KEY, emb VECTOR(3)); INSERT INTO v VALUES (1, '[1, 2.5, -0.125]')");
        Assert.Equal(["[1, 2.5, -0.125]|16|[1, 2.5, -0.125]!|1"],
            db.Lines("SELECT CAST(emb AS TEXT), length(emb), emb || '!', emb LIKE '[1, 2.5%' FROM v"));
        Assert.Equal(["1"], db.Lines("SELECT count(*) FROM v WHERE emb = CAST(CAST(emb AS TEXT) AS VECTOR(3))"));
    }

    [Fact]
    public void Nulls_sort_first_ascending_and_last_descending()
    {
        using var db = Docs();
        Assert.Equal(["3", "5", "2", "1", "4"], db.Lines("SELECT id FROM docs ORDER BY year, id"));
        Assert.Equal(["1", "4", "2", "5", "3"], db.Lines("SELECT id FROM docs ORDER BY year DESC, id"));
    }

    [Fact]
    public void Group_by_with_having_and_aggregates()
    {
        using var db = Docs();
        Assert.Equal(["2019|2|0.5|1|4"], db.Lines("SELECT year, COUNT(*), SUM(score), MIN(id), MAX(id) FROM docs GROUP BY year HAVING COUNT(*) > 1"));
        Assert.Equal(["5|4|2|7.5"], db.Lines("SELECT COUNT(*), COUNT(score), COUNT(DISTINCT year) - 1, SUM(score) FROM docs"));
    }

    /// <summary>Issue 15, part 3: a select expression uses a key when their texts agree, however each was spaced; a repeated aggregate is computed once.</summary>
    [Fact]
    public void Group_by_matches_expressions_by_their_text_and_computes_a_repeated_aggregate_once()
    {
        using var db = Docs();
        Assert.Equal(["NULL|1", "4004|1", "4032|1", "4040|2"], db.Lines("SELECT (year  +\n 1) * 2, COUNT(*) FROM docs GROUP BY year+1 ORDER BY 1"));
        Assert.Equal(["NULL|5.0", "2001|6.0", "2015|3.0", "2019|1.0"], db.Lines("SELECT year, SUM(score) + SUM(score) FROM docs GROUP BY year ORDER BY year"));
        Assert.Contains(db.Lines("EXPLAIN SELECT year, SUM(score) + SUM(score) FROM docs GROUP BY year HAVING SUM(score) > 1"), l => l.EndsWith("hash aggregate by year: SUM(score)", StringComparison.Ordinal));
    }

    [Fact]
    public void Like_is_case_insensitive_for_ascii()
    {
        using var db = Docs();
        Assert.Equal(["1", "4"], db.Lines("SELECT id FROM docs WHERE title LIKE 'asp%' ORDER BY id"));
    }

    [Fact]
    public void Case_cast_concat_and_functions()
    {
        using var db = Docs();
        Assert.Equal(["Aspirin!|new|7|real|2019.0"], db.Lines("SELECT title || '!', CASE WHEN year > 2010 THEN 'new' ELSE 'old' END, length(title), typeof(CAST(year AS REAL)), CAST(year AS REAL) || '' FROM docs WHERE id = 1"));
        Assert.Equal("3", db.Scalar("SELECT 7 / 2").ToString());
        Assert.Equal("NULL", db.Scalar("SELECT 1 / 0").ToString());
    }

    [Fact]
    public void Primary_key_equality_uses_a_rowid_lookup()
    {
        using var db = Docs();
        var plan = db.Lines("EXPLAIN SELECT title FROM docs WHERE id = 3");
        Assert.Contains(plan, line => line.Contains("lookup table docs by rowid = 3", StringComparison.Ordinal));
        Assert.Equal(["Paracetamol"], db.Lines("SELECT title FROM docs WHERE id = 3"));
    }

    [Fact]
    public void Index_is_used_for_equality_and_range()
    {
        using var db = Docs();
        db.Run("CREATE INDEX docs_year ON docs (year)");
        Assert.Contains(db.Lines("EXPLAIN SELECT id FROM docs WHERE year = 2019"), l => l.Contains("using index docs_year (year = 2019)", StringComparison.Ordinal));
        Assert.Equal(["1", "4"], db.Lines("SELECT id FROM docs WHERE year = 2019 ORDER BY id"));
        Assert.Contains(db.Lines("EXPLAIN SELECT id FROM docs WHERE year > 2010"), l => l.Contains("using index docs_year (year > 2010)", StringComparison.Ordinal));
        Assert.Equal(["1", "2", "4"], db.Lines("SELECT id FROM docs WHERE year > 2010 ORDER BY id"));
    }

    [Fact]
    public void Joins_inner_and_left()
    {
        using var db = Docs();
        db.Run("CREATE TABLE notes (doc INTEGER, note TEXT); INSERT INTO notes VALUES (1, 'a'), (1, 'b'), (3, 'c'), (9, 'orphan')");
        Assert.Equal(["Aspirin|a", "Aspirin|b", "Paracetamol|c"], db.Lines("SELECT d.title, n.note FROM notes n JOIN docs d ON d.id = n.doc ORDER BY n.note"));
        Assert.Contains(db.Lines("EXPLAIN SELECT d.title FROM notes n JOIN docs d ON d.id = n.doc"), l => l.Contains("index join table docs as d by rowid", StringComparison.Ordinal));
        Assert.Equal(["1|2", "2|0", "3|1", "4|0", "5|0"], db.Lines("SELECT d.id, COUNT(n.note) FROM docs d LEFT JOIN notes n ON n.doc = d.id GROUP BY d.id ORDER BY d.id"));
    }

    [Fact]
    public void Inner_join_looks_up_the_left_table_when_only_it_has_the_key()
    {
        using var db = Docs();
        db.Run("CREATE TABLE notes (doc INTEGER, note TEXT); INSERT INTO notes VALUES (1, 'a'), (1, 'b'), (3, 'c'), (9, 'orphan')");
        const string Query = "SELECT d.title, n.note, * FROM docs d JOIN notes n ON n.doc = d.id WHERE n.note <> 'b' ORDER BY n.note";
        Assert.Contains(db.Lines("EXPLAIN " + Query), l => l.Contains("index join table docs as d (left side) by rowid = n.doc", StringComparison.Ordinal));
        var rows = db.Lines(Query);
        Assert.Equal(2, rows.Count);
        Assert.StartsWith("Aspirin|a|1|Aspirin|", rows[0], StringComparison.Ordinal);
        Assert.EndsWith("|1|a", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("Paracetamol|c|3|Paracetamol|", rows[1], StringComparison.Ordinal);

        Assert.DoesNotContain(db.Lines("EXPLAIN SELECT d.title FROM docs d LEFT JOIN notes n ON n.doc = d.id"), l => l.Contains("index join", StringComparison.Ordinal));
    }

    [Fact]
    public void Subquery_in_from_with_alias()
    {
        using var db = Docs();
        Assert.Equal(["Codeine"], db.Lines("SELECT c.title FROM (SELECT title, score FROM docs ORDER BY score DESC LIMIT 2) AS c WHERE c.score > 2.9"));
    }

    [Fact]
    public void Parameters_named_and_positional()
    {
        using var db = Docs();
        var p = new StatementParameters().Add("y", Core.Values.DbValue.FromInteger(2019)).Add(Core.Values.DbValue.FromText("A%"));
        Assert.Equal(["1", "4"], db.Lines("SELECT id FROM docs WHERE year = :y AND title LIKE ? ORDER BY id", p));
    }
}
