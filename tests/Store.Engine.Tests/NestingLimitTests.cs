using Store.Core.Errors;

namespace Store.Engine.Tests;

/// <summary>
/// Issue 15, part 3: a statement nested deeper than the engine follows (1,000 levels, SQLite's
/// expression depth) is a typed error, never a stack overflow that ends the host process; one
/// at the limit runs, on a test thread's ordinary stack; errors never echo a whole statement.
/// </summary>
public class NestingLimitTests
{
    private const int Hostile = 10_000;

    public static TheoryData<string, string> TooDeep => new()
    {
        { "parentheses", "SELECT " + new string('(', Hostile) + "1" + new string(')', Hostile) },
        { "subqueries", "SELECT * FROM " + string.Concat(Enumerable.Repeat("(SELECT * FROM ", Hostile)) + "t" + new string(')', Hostile) },
        { "CASE", "SELECT " + string.Concat(Enumerable.Repeat("CASE WHEN 1 THEN ", Hostile)) + "1" + string.Concat(Enumerable.Repeat(" END", Hostile)) },
        { "function calls", "SELECT " + string.Concat(Enumerable.Repeat("abs(", Hostile)) + "1" + new string(')', Hostile) },
        { "unary minus", "SELECT " + string.Concat(Enumerable.Repeat("- ", Hostile)) + "1" },
        { "NOT in a grouped query", "SELECT count(*) FROM t GROUP BY " + string.Concat(Enumerable.Repeat("NOT ", Hostile)) + "x" },
        { "a chain of operators", "SELECT " + string.Join(" + ", Enumerable.Repeat("1", Hostile)) },
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void A_statement_nested_past_the_limit_is_a_typed_error(string form, string sql)
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE t (x INTEGER)");
        var error = Assert.Throws<StoreException>(() => db.Query(sql));
        Assert.True(error.Code == ErrorCode.TooComplex, $"{form}: {error.Code} {error.Message[..Math.Min(200, error.Message.Length)]}");
        Assert.Equal("54001", error.SqlState);
        Assert.True(error.Message.Length < 500, $"{form}: the message is {error.Message.Length} characters");
        Assert.Equal(["ok"], db.Lines("PRAGMA integrity_check"));
    }

    /// <summary>Depth counts every node down to the leaf, as SQLite's does: <c>abs(-1)</c> is three levels.</summary>
    [Fact]
    public void Statements_nested_to_the_limit_run_on_any_thread()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (3)");
        Assert.Equal(["1"], db.Lines("SELECT " + new string('(', 1000) + "1" + new string(')', 1000)));
        Assert.Equal(["1"], db.Lines("SELECT " + string.Concat(Enumerable.Repeat("abs(", 998)) + "-1" + new string(')', 998)));
        Assert.Equal(["-1"], db.Lines("SELECT " + string.Concat(Enumerable.Repeat("- ", 999)) + "1"));
        Assert.Equal(ErrorCode.TooComplex, Assert.Throws<StoreException>(() => db.Query("SELECT " + string.Concat(Enumerable.Repeat("- ", 1000)) + "1")).Code);
        Assert.Equal(["1000"], db.Lines("SELECT " + string.Join(" + ", Enumerable.Repeat("1", 1000))));
        Assert.Equal(["2"], db.Lines("SELECT " + string.Concat(Enumerable.Repeat("CASE WHEN 1 THEN ", 450)) + "2" + string.Concat(Enumerable.Repeat(" END", 450))));
        Assert.Equal(["3"], db.Lines("SELECT * FROM " + string.Concat(Enumerable.Repeat("(SELECT * FROM ", 300)) + "t" + new string(')', 300)));
        Assert.Equal(["1"], db.Lines("SELECT count(*) FROM t WHERE " + string.Concat(Enumerable.Repeat("NOT ", 998)) + "(x = 3)"));
    }

    [Fact]
    public void An_error_in_a_long_statement_shows_only_the_text_around_it()
    {
        using var db = new SqlRunner();
        var sql = "SELECT " + string.Join(", ", Enumerable.Range(0, 100_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ", nosuch";
        var error = Assert.Throws<StoreException>(() => db.Query(sql));
        Assert.Equal(ErrorCode.NotFound, error.Code);
        Assert.True(error.Message.Length < 500, $"the message is {error.Message.Length} characters");
        var lines = error.Message.Split('\n');
        Assert.EndsWith("nosuch", lines[^2], StringComparison.Ordinal);
        Assert.Equal(lines[^2].IndexOf("nosuch", StringComparison.Ordinal), lines[^1].IndexOf('^', StringComparison.Ordinal));
    }

    [Fact]
    public void A_statement_past_the_size_limit_is_a_typed_error()
    {
        using var db = new SqlRunner();
        var error = Assert.Throws<StoreException>(() => db.Query("SELECT '" + new string('a', 100_000_000) + "'"));
        Assert.Equal(ErrorCode.TooLarge, error.Code);
        Assert.True(error.Message.Length < 500);
    }
}
