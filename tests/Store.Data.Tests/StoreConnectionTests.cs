using System.Data;
using Store.Testing;

namespace Store.Data.Tests;

public class StoreConnectionTests
{
    [Fact]
    public void Open_and_Close_change_State_and_raise_StateChange()
    {
        using var directory = new TempDirectory();
        using var connection = new StoreConnection($"Data Source={directory.File("a.store")}");
        var changes = new List<ConnectionState>();
        connection.StateChange += (_, e) => changes.Add(e.CurrentState);

        connection.Open();
        Assert.Equal(ConnectionState.Open, connection.State);
        connection.Close();

        Assert.Equal(ConnectionState.Closed, connection.State);
        Assert.Equal([ConnectionState.Open, ConnectionState.Closed], changes);
    }

    [Fact]
    public void Open_after_reopening_a_file_sees_the_rows_written_before()
    {
        using var directory = new TempDirectory();
        using (var first = TestConnections.Open(directory))
        {
            first.Run("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO t VALUES (1, 'kept')");
        }

        using var second = TestConnections.Open(directory);

        Assert.Equal("kept", second.Scalar("SELECT body FROM t WHERE id = 1"));
    }

    [Fact]
    public void Two_connections_to_one_file_share_its_engine_and_see_each_others_commits()
    {
        using var directory = new TempDirectory();
        using var first = TestConnections.Open(directory);
        using var second = TestConnections.Open(directory);

        first.Run("CREATE TABLE t (id INTEGER PRIMARY KEY)");
        second.Run("INSERT INTO t VALUES (1)");
        first.Run("INSERT INTO t VALUES (2)");
        second.Run("INSERT INTO t VALUES (3)");

        Assert.Equal(3L, first.Scalar("SELECT COUNT(*) FROM t"));
        Assert.Equal(3L, second.Scalar("SELECT COUNT(*) FROM t"));
    }

    [Fact]
    public void A_reader_open_on_one_connection_neither_blocks_a_write_on_another_nor_sees_it()
    {
        using var directory = new TempDirectory();
        using var first = TestConnections.Open(directory);
        using var second = TestConnections.Open(directory);
        first.Run("CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1), (2)");

        var seen = new List<long>();
        using (var reader = first.Command("SELECT id FROM t ORDER BY id").ExecuteReader())
        {
            Assert.True(reader.Read());
            seen.Add(reader.GetInt64(0));
            second.Run("INSERT INTO t VALUES (3)");
            while (reader.Read())
            {
                seen.Add(reader.GetInt64(0));
            }
        }

        Assert.Equal([1L, 2L], seen);
        Assert.Equal(3L, first.Scalar("SELECT COUNT(*) FROM t"));
    }

    [Fact]
    public void Close_of_the_last_connection_releases_the_file()
    {
        using var directory = new TempDirectory();
        using (var creator = TestConnections.Open(directory))
        {
            creator.Run("CREATE TABLE t (id INTEGER PRIMARY KEY)");
        }

        // While a file is open read-only in this process, the shared engine refuses a writable open.
        using (var reader = new StoreConnection($"Data Source={directory.File("test.store")};Mode=ReadOnly"))
        {
            reader.Open();
            var error = Assert.Throws<StoreDbException>(() => TestConnections.Open(directory));
            Assert.Equal("25006", error.SqlState);
        }

        using var writer = TestConnections.Open(directory);

        Assert.Equal(1, writer.Run("INSERT INTO t VALUES (1)"));
    }

    [Fact]
    public void Open_in_ReadWrite_mode_of_a_missing_file_throws_not_found()
    {
        using var directory = new TempDirectory();
        using var connection = new StoreConnection($"Data Source={directory.File("missing.store")};Mode=ReadWrite");

        var error = Assert.Throws<StoreDbException>(connection.Open);

        Assert.Equal("42P01", error.SqlState);
        Assert.Equal(ConnectionState.Closed, connection.State);
    }

    [Fact]
    public void Open_without_a_data_source_throws()
    {
        using var connection = new StoreConnection("Mode=ReadWrite");

        Assert.Throws<InvalidOperationException>(connection.Open);
    }

    [Fact]
    public void Memory_connections_are_private_to_each_connection()
    {
        using var first = TestConnections.OpenMemory();
        using var second = TestConnections.OpenMemory();
        first.Run("CREATE TABLE t (id INTEGER PRIMARY KEY)");

        Assert.Throws<StoreDbException>(() => second.Run("INSERT INTO t VALUES (1)"));
    }

    [Fact]
    public void Properties_describe_the_connection()
    {
        using var connection = new StoreConnection("Data Source=:memory:");

        Assert.Equal(":memory:", connection.DataSource);
        Assert.Equal("main", connection.Database);
        Assert.NotEmpty(connection.ServerVersion);
        Assert.Throws<NotSupportedException>(() => connection.ChangeDatabase("other"));
    }

    [Fact]
    public void ConnectionString_cannot_change_while_open()
    {
        using var connection = TestConnections.OpenMemory();

        Assert.Throws<InvalidOperationException>(() => connection.ConnectionString = "Data Source=other.store");
    }

    [Fact]
    public void CreateCommand_enlists_the_open_transaction()
    {
        using var connection = TestConnections.OpenMemory();
        using var transaction = connection.BeginTransaction();

        using var command = connection.CreateCommand();

        Assert.Same(connection, command.Connection);
        Assert.Same(transaction, command.Transaction);
    }

    [Fact]
    public void BeginTransaction_while_one_is_open_throws()
    {
        using var connection = TestConnections.OpenMemory();
        using var transaction = connection.BeginTransaction();

        Assert.Throws<InvalidOperationException>(() => connection.BeginTransaction());
    }

    [Fact]
    public void Close_rolls_back_an_open_transaction()
    {
        using var directory = new TempDirectory();
        using var connection = TestConnections.Open(directory);
        connection.Run("CREATE TABLE t (id INTEGER PRIMARY KEY)");
        var transaction = connection.BeginTransaction();
        connection.Run("INSERT INTO t VALUES (1)");

        connection.Close();
        connection.Open();

        Assert.Null(transaction.Connection);
        Assert.Equal(0L, connection.Scalar("SELECT COUNT(*) FROM t"));
    }
}
