using System.Data;
using Store.Core.Vectors;

namespace Store.Data.Tests;

public class StoreDataReaderTests
{
    private static StoreConnection Items()
    {
        var connection = TestConnections.OpenMemory();
        connection.Run("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, score REAL, data BLOB, emb VECTOR(3), terms SPARSE, flag BOOLEAN)");
        return connection;
    }

    private static StoreDataReader ReadOne(StoreConnection connection, string sql, params StoreParameter[] parameters)
    {
        var reader = connection.Command(sql, parameters).ExecuteReader();
        Assert.True(reader.Read());
        return reader;
    }

    [Fact]
    public void GetFieldValue_reads_a_float_array_bound_vector_back_as_float_array()
    {
        using var connection = Items();
        connection.Run("INSERT INTO items (id, name, emb) VALUES (1, 'a', :emb)", new StoreParameter("emb", new[] { 0.5f, -1.25f, 3f }));

        using var reader = ReadOne(connection, "SELECT emb FROM items");

        Assert.Equal([0.5f, -1.25f, 3f], reader.GetFieldValue<float[]>(0));
        Assert.Equal([0.5f, -1.25f, 3f], (float[])reader.GetValue(0));
    }

    [Fact]
    public void GetFieldValue_reads_a_memory_bound_vector_back_as_memory()
    {
        using var connection = Items();
        var backing = new[] { 9f, 1f, 2f, 3f, 9f };
        connection.Run("INSERT INTO items (id, name, emb) VALUES (1, 'a', :emb)", new StoreParameter("emb", new ReadOnlyMemory<float>(backing, 1, 3)));

        using var reader = ReadOne(connection, "SELECT emb FROM items");

        Assert.Equal([1f, 2f, 3f], reader.GetFieldValue<ReadOnlyMemory<float>>(0).ToArray());
    }

    [Fact]
    public void GetFieldValue_reads_a_sparse_vector_back_equal()
    {
        using var connection = Items();
        var terms = new SparseVector([1, 7, 300], [0.5f, 1.2f, -2f]);
        connection.Run("INSERT INTO items (id, name, terms) VALUES (1, 'a', :terms)", new StoreParameter("terms", terms));

        using var reader = ReadOne(connection, "SELECT terms FROM items");

        Assert.Equal(terms, reader.GetFieldValue<SparseVector>(0));
        Assert.Equal(typeof(SparseVector), reader.GetFieldType(0));
    }

    [Fact]
    public void Typed_getters_read_each_column_type()
    {
        using var connection = Items();
        connection.Run("INSERT INTO items VALUES (7, 'seven', 2.5, :data, '[1, 2, 3]', '{4:0.5}', :flag)",
            new StoreParameter("data", new byte[] { 1, 2, 3 }), new StoreParameter("flag", true));

        using var reader = ReadOne(connection, "SELECT id, name, score, data, flag FROM items");

        Assert.Equal(7L, reader.GetInt64(0));
        Assert.Equal(7, reader.GetInt32(0));
        Assert.Equal(7.0, reader.GetDouble(0));
        Assert.Equal("seven", reader.GetString(1));
        Assert.Equal(2.5, reader.GetDouble(2));
        Assert.Equal(2.5f, reader.GetFloat(2));
        Assert.Equal(new byte[] { 1, 2, 3 }, reader.GetFieldValue<byte[]>(3));
        Assert.True(reader.GetBoolean(4));
        Assert.True(Assert.IsType<bool>(reader.GetValue(4)));
        Assert.Equal(1L, reader.GetFieldValue<long>(4));
    }

    [Fact]
    public void GetBytes_and_GetChars_copy_part_of_the_value()
    {
        using var connection = Items();
        connection.Run("INSERT INTO items (id, name, data) VALUES (1, 'abcdef', :data)", new StoreParameter("data", new byte[] { 10, 11, 12, 13 }));
        using var reader = ReadOne(connection, "SELECT data, name FROM items");
        var bytes = new byte[2];
        var chars = new char[3];

        Assert.Equal(4, reader.GetBytes(0, 0, null, 0, 0));
        Assert.Equal(2, reader.GetBytes(0, 1, bytes, 0, 2));
        Assert.Equal(3, reader.GetChars(1, 3, chars, 0, 10));

        Assert.Equal(new byte[] { 11, 12 }, bytes);
        Assert.Equal("def", new string(chars));
    }

    [Fact]
    public void IsDBNull_and_nullable_reads_handle_NULL()
    {
        using var connection = Items();
        connection.Run("INSERT INTO items (id, name) VALUES (1, 'a')");

        using var reader = ReadOne(connection, "SELECT score, emb FROM items");

        Assert.True(reader.IsDBNull(0));
        Assert.Equal(DBNull.Value, reader.GetValue(0));
        Assert.Null(reader.GetFieldValue<double?>(0));
        Assert.Null(reader.GetFieldValue<float[]?>(1));
        Assert.Throws<InvalidCastException>(() => reader.GetDouble(0));
    }

    [Fact]
    public void GetFieldValue_of_an_unrelated_type_throws_InvalidCast()
    {
        using var connection = Items();
        connection.Run("INSERT INTO items (id, name) VALUES (1, 'a')");

        using var reader = ReadOne(connection, "SELECT name, id FROM items");

        Assert.Throws<InvalidCastException>(() => reader.GetFieldValue<float[]>(0));
        Assert.Throws<InvalidCastException>(() => reader.GetString(1));
        Assert.Throws<InvalidCastException>(() => reader.GetDateTime(1));
    }

    [Fact]
    public void GetFieldType_and_GetDataTypeName_follow_the_declared_types()
    {
        using var connection = Items();
        using var reader = connection.Command("SELECT id, name, score, data, emb, terms, flag FROM items").ExecuteReader();

        Assert.Equal(
            [typeof(long), typeof(string), typeof(double), typeof(byte[]), typeof(float[]), typeof(SparseVector), typeof(bool)],
            Enumerable.Range(0, reader.FieldCount).Select(reader.GetFieldType));
        Assert.Equal(
            ["INTEGER", "TEXT", "REAL", "BLOB", "VECTOR(3)", "SPARSE", "BOOLEAN"],
            Enumerable.Range(0, reader.FieldCount).Select(reader.GetDataTypeName));
    }

    [Fact]
    public void GetFieldType_of_a_computed_column_is_its_first_values_type_before_Read()
    {
        using var connection = Items();
        connection.Run("INSERT INTO items (id, name) VALUES (1, 'a')");

        using var reader = connection.Command("SELECT id * 2, name || '!', 1.5, NULL FROM items").ExecuteReader();

        Assert.Equal([typeof(long), typeof(string), typeof(double), typeof(object)], Enumerable.Range(0, 4).Select(reader.GetFieldType));
        Assert.Equal("INTEGER", reader.GetDataTypeName(0));
    }

    [Fact]
    public void GetSchemaTable_lists_each_column_with_its_name_ordinal_and_types()
    {
        using var connection = Items();
        using var reader = connection.Command("SELECT id, emb AS vec, flag, length(name) FROM items").ExecuteReader();

        var schema = reader.GetSchemaTable();

        Assert.Equal(["id", "vec", "flag", "length(name)"], schema.Rows.Cast<DataRow>().Select(r => (string)r["ColumnName"]));
        Assert.Equal([0, 1, 2, 3], schema.Rows.Cast<DataRow>().Select(r => (int)r["ColumnOrdinal"]));
        Assert.Equal([typeof(long), typeof(float[]), typeof(bool), typeof(object)], schema.Rows.Cast<DataRow>().Select(r => (Type)r["DataType"]));
        Assert.Equal(["INTEGER", "VECTOR(3)", "BOOLEAN", ""], schema.Rows.Cast<DataRow>().Select(r => (string)r["DataTypeName"]));
        Assert.All(schema.Rows.Cast<DataRow>(), r => Assert.True((bool)r["AllowDBNull"]));
        Assert.Equal([false, false, false, true], schema.Rows.Cast<DataRow>().Select(r => (bool)r["IsExpression"]));
    }

    [Fact]
    public void GetOrdinal_prefers_an_exact_match_then_ignores_case()
    {
        using var connection = Items();
        using var reader = connection.Command("SELECT id, name AS Title FROM items").ExecuteReader();

        Assert.Equal(1, reader.GetOrdinal("Title"));
        Assert.Equal(1, reader.GetOrdinal("TITLE"));
        Assert.Throws<IndexOutOfRangeException>(() => reader.GetOrdinal("missing"));
    }

    [Fact]
    public void HasRows_is_known_before_Read_and_Read_stops_at_the_end()
    {
        using var connection = Items();
        connection.Run("INSERT INTO items (id, name) VALUES (1, 'a'), (2, 'b')");

        using var empty = connection.Command("SELECT id FROM items WHERE id > 5").ExecuteReader();
        using var two = connection.Command("SELECT id FROM items ORDER BY id").ExecuteReader();

        Assert.False(empty.HasRows);
        Assert.False(empty.Read());
        Assert.True(two.HasRows);
        Assert.Throws<InvalidOperationException>(() => two.GetValue(0));
        Assert.Equal([1L, 2L], two.Cast<IDataRecord>().Select(r => r.GetInt64(0)).ToList());
        Assert.False(two.Read());
    }

    [Fact]
    public void Close_with_CloseConnection_closes_the_connection()
    {
        using var connection = Items();
        var reader = connection.Command("SELECT id FROM items").ExecuteReader(CommandBehavior.CloseConnection);

        reader.Close();

        Assert.True(reader.IsClosed);
        Assert.Equal(ConnectionState.Closed, connection.State);
        Assert.Throws<InvalidOperationException>(() => reader.Read());
    }

    [Fact]
    public async Task ReadAsync_and_GetFieldValueAsync_read_vectors()
    {
        using var connection = Items();
        connection.Run("INSERT INTO items (id, name, emb) VALUES (1, 'a', '[1, 2, 3]'), (2, 'b', '[4, 5, 6]')");
        using var command = connection.Command("SELECT emb FROM items ORDER BY id");

        var vectors = new List<float[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            vectors.Add(await reader.GetFieldValueAsync<float[]>(0));
        }

        Assert.Equal([[1f, 2f, 3f], [4f, 5f, 6f]], vectors);
    }
}
