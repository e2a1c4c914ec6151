using Store.Core.Errors;

namespace Store.Engine.Tests;

public class ErrorTests
{
    [Fact]
    public void Unknown_column_error_has_code_position_and_caret()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE t (a INTEGER)");
        var error = Assert.Throws<StoreException>(() => db.Query("SELECT a,\n  nope FROM t"));
        Assert.Equal(ErrorCode.NotFound, error.Code);
        Assert.Equal("42703", error.SqlState);
        Assert.Equal((2, 3), (error.Line, error.Column));
        Assert.EndsWith("  nope FROM t\n  ^", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_error_points_at_the_token()
    {
        using var db = new SqlRunner();
        var error = Assert.Throws<StoreException>(() => db.Query("SELECT * FORM t"));
        Assert.Equal("42601", error.SqlState);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Unknown_function_and_table_are_typed_errors()
    {
        using var db = new SqlRunner();
        Assert.Equal("42883", Assert.Throws<StoreException>(() => db.Query("SELECT nosuch(1)")).SqlState);
        Assert.Equal("42P01", Assert.Throws<StoreException>(() => db.Query("SELECT * FROM missing")).SqlState);
    }

    [Fact]
    public void An_option_given_twice_is_an_error_at_its_second_value_and_creates_nothing()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE t (id INTEGER PRIMARY KEY, emb VECTOR(3))");
        var error = Assert.Throws<StoreException>(() => db.Run("CREATE INDEX t_emb ON t USING hnsw (emb) WITH (m = 4, M = 8)"));
        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Contains("option M is given more than once", error.Message, StringComparison.Ordinal);
        Assert.Equal((1, 59), (error.Line, error.Column));
        Assert.Empty(db.Lines("SHOW INDEXES"));

        var model = Assert.Throws<StoreException>(() => db.Run("CREATE MODEL m FROM 'x.onnx' WITH (kind = 'dense', kind = 'sparse')"));
        Assert.Contains("option kind is given more than once", model.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Planned_index_methods_say_not_available_yet()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE t (id INTEGER PRIMARY KEY, emb VECTOR(3))");
        var error = Assert.Throws<StoreException>(() => db.Run("CREATE INDEX t_emb ON t USING spann (emb) WITH (m = 16)"));
        Assert.Equal(ErrorCode.NotSupported, error.Code);
        Assert.Contains("not available yet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_statement_changes_nothing_outside_a_transaction()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        var error = Assert.Throws<StoreException>(() => db.Run("INSERT INTO t VALUES (1, 'a'), (2, NULL)"));
        Assert.Equal("23502", error.SqlState);
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM t").AsInteger);
    }

    [Fact]
    public void A_failing_statement_inside_a_transaction_is_undone_alone()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        db.Run("BEGIN; INSERT INTO t VALUES (1, 'a')");
        Assert.Throws<StoreException>(() => db.Run("INSERT INTO t VALUES (2, 'b'), (1, 'duplicate')"));
        db.Run("INSERT INTO t VALUES (3, 'c'); COMMIT");
        Assert.Equal(["1|a", "3|c"], db.Lines("SELECT * FROM t ORDER BY id"));
    }

    [Fact]
    public void Type_mismatch_on_insert_is_rejected()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE t (n INTEGER, flag BOOLEAN)");
        Assert.Equal(ErrorCode.TypeMismatch, Assert.Throws<StoreException>(() => db.Run("INSERT INTO t VALUES ('five', 1)")).Code);
        Assert.Equal(ErrorCode.TypeMismatch, Assert.Throws<StoreException>(() => db.Run("INSERT INTO t VALUES (5, 2)")).Code);
        db.Run("INSERT INTO t VALUES (5.0, TRUE)");
        Assert.Equal(["5|1"], db.Lines("SELECT * FROM t"));
    }

    [Fact]
    public void Missing_parameter_is_named()
    {
        using var db = new SqlRunner();
        var error = Assert.Throws<StoreException>(() => db.Query("SELECT :q"));
        Assert.Equal(ErrorCode.MissingParameter, error.Code);
        Assert.Contains(":q", error.Message, StringComparison.Ordinal);
    }
}
