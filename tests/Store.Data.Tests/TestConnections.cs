using Store.Testing;

namespace Store.Data.Tests;

/// <summary>Opens connections for tests and runs SQL on them in one line.</summary>
internal static class TestConnections
{
    public static StoreConnection OpenMemory() => Open(":memory:");

    public static StoreConnection Open(TempDirectory directory, string name = "test.store") => Open(directory.File(name));

    public static StoreConnection Open(string path)
    {
        var connection = new StoreConnection(new StoreConnectionStringBuilder { DataSource = path }.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Runs every statement of <paramref name="sql"/>; returns the rows they changed.</summary>
    public static int Run(this StoreConnection connection, string sql, params StoreParameter[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(this StoreConnection connection, string sql, params StoreParameter[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteScalar();
    }

    /// <summary>The first column of every row.</summary>
    public static List<object> Column(this StoreConnection connection, string sql, params StoreParameter[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var values = new List<object>();
        while (reader.Read())
        {
            values.Add(reader.GetValue(0));
        }

        return values;
    }

    public static StoreCommand Command(this StoreConnection connection, string sql, params StoreParameter[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
