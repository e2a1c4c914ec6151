using System.Data;
using Store.Testing;

namespace Store.Data.Tests;

public class StoreTransactionTests
{
    [Fact]
    public void Commit_makes_the_rows_visible_to_other_connections()
    {
        using var directory = new TempDirectory();
        using var writer = TestConnections.Open(directory);
        using var reader = TestConnections.Open(directory);
        writer.Run("CREATE TABLE t (id INTEGER PRIMARY KEY)");

        using var transaction = writer.BeginTransaction();
        writer.Run("INSERT INTO t VALUES (1), (2)");
        Assert.Equal(0L, reader.Scalar("SELECT COUNT(*) FROM t"));
        transaction.Commit();

        Assert.Equal(2L, reader.Scalar("SELECT COUNT(*) FROM t"));
    }

    [Fact]
    public void Rollback_removes_the_transactions_rows()
    {
        using var connection = TestConnections.OpenMemory();
        connection.Run("CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1)");

        using var transaction = connection.BeginTransaction();
        connection.Run("INSERT INTO t VALUES (2), (3)");
        Assert.Equal(3L, connection.Scalar("SELECT COUNT(*) FROM t"));
        transaction.Rollback();

        Assert.Equal([1L], connection.Column("SELECT id FROM t"));
    }

    [Fact]
    public void Dispose_without_Commit_rolls_back()
    {
        using var connection = TestConnections.OpenMemory();
        connection.Run("CREATE TABLE t (id INTEGER PRIMARY KEY)");

        using (connection.BeginTransaction())
        {
            connection.Run("INSERT INTO t VALUES (1)");
        }

        Assert.Equal(0L, connection.Scalar("SELECT COUNT(*) FROM t"));
    }

    [Fact]
    public void Commit_completes_the_transaction_and_a_second_Commit_throws()
    {
        using var connection = TestConnections.OpenMemory();
        var transaction = connection.BeginTransaction();

        transaction.Commit();

        Assert.Null(transaction.Connection);
        Assert.Throws<InvalidOperationException>(transaction.Commit);
        using var next = connection.BeginTransaction();
    }

    [Fact]
    public void Dispose_after_a_COMMIT_in_command_text_does_not_throw()
    {
        using var connection = TestConnections.OpenMemory();
        connection.Run("CREATE TABLE t (id INTEGER PRIMARY KEY)");
        var transaction = connection.BeginTransaction();
        connection.Run("INSERT INTO t VALUES (1); COMMIT");

        transaction.Dispose();

        Assert.Equal(1L, connection.Scalar("SELECT COUNT(*) FROM t"));
    }

    [Fact]
    public void IsolationLevel_is_serializable_whatever_was_asked()
    {
        using var connection = TestConnections.OpenMemory();

        using var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);

        Assert.Equal(IsolationLevel.Serializable, transaction.IsolationLevel);
        Assert.Same(connection, transaction.Connection);
    }

    [Fact]
    public void A_failed_statement_inside_a_transaction_leaves_the_earlier_work_in_place()
    {
        using var connection = TestConnections.OpenMemory();
        connection.Run("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");

        using var transaction = connection.BeginTransaction();
        connection.Run("INSERT INTO t VALUES (1, 'a')");
        Assert.Throws<StoreDbException>(() => connection.Run("INSERT INTO t VALUES (2, NULL)"));
        transaction.Commit();

        Assert.Equal([1L], connection.Column("SELECT id FROM t"));
    }

    [Fact]
    public void A_command_with_a_completed_transaction_throws()
    {
        using var connection = TestConnections.OpenMemory();
        var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        transaction.Rollback();

        Assert.Throws<InvalidOperationException>(() => command.ExecuteScalar());
    }
}
