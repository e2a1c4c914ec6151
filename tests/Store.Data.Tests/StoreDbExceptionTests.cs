using Store.Core.Errors;

namespace Store.Data.Tests;

public class StoreDbExceptionTests
{
    [Fact]
    public void Syntax_error_has_sqlstate_42601_and_a_caret_under_the_offending_token()
    {
        using var connection = TestConnections.OpenMemory();

        var error = Assert.Throws<StoreDbException>(() => connection.Run("SELECT 1 +\nFROM nowhere"));

        Assert.Equal("42601", error.SqlState);
        Assert.Equal((int)ErrorCode.SyntaxError, error.ErrorCode);
        Assert.Equal(ErrorCode.SyntaxError, error.Code);
        Assert.Contains("FROM nowhere\n^", error.Message);
    }

    [Fact]
    public void Not_null_violation_has_sqlstate_23502()
    {
        using var connection = TestConnections.OpenMemory();
        connection.Run("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");

        var error = Assert.Throws<StoreDbException>(() => connection.Run("INSERT INTO t (id) VALUES (1)"));

        Assert.Equal("23502", error.SqlState);
        Assert.Contains("t.body", error.Message);
    }

    [Fact]
    public void Message_and_inner_exception_are_the_engine_error()
    {
        using var connection = TestConnections.OpenMemory();

        var error = Assert.Throws<StoreDbException>(() => connection.Run("SELECT * FROM missing"));

        var inner = Assert.IsType<StoreException>(error.InnerException);
        Assert.Equal(inner.Message, error.Message);
        Assert.Equal(inner.SqlState, error.SqlState);
        Assert.False(error.IsTransient);
    }
}
