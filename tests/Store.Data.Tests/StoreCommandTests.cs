using System.Data;

namespace Store.Data.Tests;

public class StoreCommandTests
{
    private static StoreConnection Docs()
    {
        var connection = TestConnections.OpenMemory();
        connection.Run("""
            CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT NOT NULL, emb VECTOR(3));
            INSERT INTO docs VALUES
              (1, 'north', '[0, 1, 0]'), (2, 'east', '[1, 0, 0]'), (3, 'up', '[0, 0, 1]'),
              (4, 'north-east', '[0.7, 0.7, 0]'), (5, 'south', '[0, -1, 0]');
            """);
        return connection;
    }

    [Theory]
    [InlineData("SELECT title FROM docs WHERE id = :id", ":id")]
    [InlineData("SELECT title FROM docs WHERE id = @id", "@id")]
    [InlineData("SELECT title FROM docs WHERE id = :id", "$id")]
    [InlineData("SELECT title FROM docs WHERE id = :id", "@ID")]
    public void ExecuteScalar_binds_a_named_parameter_with_or_without_sigil(string sql, string name)
    {
        using var connection = Docs();

        Assert.Equal("east", connection.Scalar(sql, new StoreParameter(name, 2)));
    }

    [Fact]
    public void ExecuteReader_binds_unnamed_parameters_to_question_marks_in_order()
    {
        using var connection = Docs();

        var ids = connection.Column("SELECT id FROM docs WHERE id > ? AND id < ? ORDER BY id", new StoreParameter(null, 1), new StoreParameter(null, 4L));

        Assert.Equal([2L, 3L], ids);
    }

    [Fact]
    public void ExecuteNonQuery_runs_every_statement_and_sums_the_rows_changed()
    {
        using var connection = Docs();

        var changed = connection.Run("""
            INSERT INTO docs (id, title) VALUES (10, :a), (11, :a);
            UPDATE docs SET title = 'x' WHERE id >= 10;
            DELETE FROM docs WHERE id = ?
            """, new StoreParameter("a", "new"), new StoreParameter(null, 1));

        Assert.Equal(2 + 2 + 1, changed);
        Assert.Equal(["x", "x"], connection.Column("SELECT title FROM docs WHERE id >= 10"));
    }

    [Fact]
    public void ExecuteNonQuery_fills_question_marks_in_text_order_across_statements()
    {
        using var connection = Docs();

        connection.Run("INSERT INTO docs (id, title) VALUES (?, ?); INSERT INTO docs (id, title) VALUES (?, 'b')",
            new StoreParameter(null, 20), new StoreParameter(null, "a"), new StoreParameter(null, 21));

        Assert.Equal(["a", "b"], connection.Column("SELECT title FROM docs WHERE id >= 20 ORDER BY id"));
    }

    [Fact]
    public void ExecuteReader_gives_one_result_set_per_query_and_runs_the_changes_between()
    {
        using var connection = Docs();
        using var command = connection.Command("SELECT COUNT(*) FROM docs; DELETE FROM docs WHERE id > 3; SELECT COUNT(*) FROM docs");

        using var reader = command.ExecuteReader();

        Assert.True(reader.Read());
        Assert.Equal(5L, reader.GetInt64(0));
        Assert.True(reader.NextResult());
        Assert.True(reader.Read());
        Assert.Equal(3L, reader.GetInt64(0));
        Assert.Equal(2, reader.RecordsAffected);
        Assert.False(reader.NextResult());
    }

    [Fact]
    public void Dispose_of_a_reader_runs_the_statements_it_did_not_reach()
    {
        using var connection = Docs();

        using (connection.Command("SELECT id FROM docs; DELETE FROM docs").ExecuteReader())
        {
        }

        Assert.Equal(0L, connection.Scalar("SELECT COUNT(*) FROM docs"));
    }

    [Fact]
    public void ExecuteScalar_with_no_rows_returns_null_and_with_a_NULL_returns_DBNull()
    {
        using var connection = Docs();

        Assert.Null(connection.Scalar("SELECT id FROM docs WHERE id = 99"));
        Assert.Equal(DBNull.Value, connection.Scalar("SELECT NULL"));
    }

    [Fact]
    public void ExecuteReader_with_a_float_array_parameter_runs_a_knn_query()
    {
        using var connection = Docs();

        var ids = connection.Column("SELECT id FROM docs ORDER BY emb <-> @q LIMIT 2", new StoreParameter("q", new[] { 0.1f, 0.9f, 0f }));

        Assert.Equal([1L, 4L], ids);
    }

    [Fact]
    public void Prepare_parses_once_and_the_command_runs_again_with_new_values()
    {
        using var connection = Docs();
        using var command = connection.Command("SELECT title FROM docs WHERE id = :id");
        var id = command.Parameters.AddWithValue("id", 1);

        command.Prepare();
        var first = command.ExecuteScalar();
        id.Value = 3;
        var second = command.ExecuteScalar();

        Assert.Equal(["north", "up"], new[] { first, second });
    }

    [Fact]
    public void CommandText_change_after_Prepare_runs_the_new_text()
    {
        using var connection = Docs();
        using var command = connection.Command("SELECT 1");
        command.Prepare();

        command.CommandText = "SELECT 2";

        Assert.Equal(2L, command.ExecuteScalar());
    }

    [Fact]
    public void Execute_without_a_value_for_a_parameter_throws_with_its_sqlstate()
    {
        using var connection = Docs();

        var error = Assert.Throws<StoreDbException>(() => connection.Scalar("SELECT title FROM docs WHERE id = :missing"));

        Assert.Equal("42P02", error.SqlState);
    }

    [Fact]
    public void Execute_with_a_value_of_an_unbindable_type_throws()
    {
        using var connection = Docs();

        var error = Assert.Throws<ArgumentException>(() => connection.Scalar("SELECT :when", new StoreParameter("when", DateTime.Now)));

        Assert.Contains("when", error.Message);
    }

    [Fact]
    public void Execute_on_a_closed_connection_or_with_empty_text_throws()
    {
        using var connection = new StoreConnection("Data Source=:memory:");
        using var closed = new StoreCommand("SELECT 1", connection);
        using var open = TestConnections.OpenMemory();
        using var empty = open.CreateCommand();

        Assert.Throws<InvalidOperationException>(() => closed.ExecuteScalar());
        Assert.Throws<InvalidOperationException>(() => empty.ExecuteScalar());
    }

    [Fact]
    public async Task Async_methods_run_the_command()
    {
        using var connection = Docs();
        using var command = connection.Command("SELECT id, title FROM docs WHERE id <= :n ORDER BY id", new StoreParameter("n", 2));

        var titles = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                titles.Add(await reader.GetFieldValueAsync<string>(1));
            }

            Assert.False(await reader.NextResultAsync());
        }

        command.CommandText = "SELECT COUNT(*) FROM docs";
        Assert.Equal(["north", "east"], titles);
        Assert.Equal(5L, await command.ExecuteScalarAsync());
        command.CommandText = "DELETE FROM docs WHERE id = :n";
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    [Fact]
    public void CommandType_other_than_text_is_refused()
    {
        using var command = new StoreCommand();

        Assert.Throws<ArgumentException>(() => command.CommandType = CommandType.StoredProcedure);
    }
}
