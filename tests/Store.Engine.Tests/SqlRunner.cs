using Store.Core.Values;

namespace Store.Engine.Tests;

/// <summary>An in-memory database and session with helpers that run SQL and return rows as lists.</summary>
internal sealed class SqlRunner : IDisposable
{
    private readonly Database _database;

    public SqlRunner(string path = Database.MemoryPath, DatabaseOptions? options = null)
    {
        _database = Database.Open(path, options);
        Session = _database.OpenSession();
    }

    public Session Session { get; }

    /// <summary>Runs every statement of a script; returns the rows affected by the last.</summary>
    public int Run(string sql, StatementParameters? parameters = null)
    {
        var affected = -1;
        foreach (var statement in Session.PrepareScript(sql))
        {
            using var result = Session.Execute(statement, parameters);
            affected = result.RowsAffected;
        }

        return affected;
    }

    public List<DbValue[]> Query(string sql, StatementParameters? parameters = null)
    {
        using var result = Session.Execute(sql, parameters);
        var rows = new List<DbValue[]>();
        while (result.Read())
        {
            rows.Add(result.Current.ToArray());
        }

        return rows;
    }

    /// <summary>The rows as text, values joined by "|" (NULL as "NULL"), for compact assertions.</summary>
    public List<string> Lines(string sql, StatementParameters? parameters = null) =>
        Query(sql, parameters).Select(r => string.Join("|", r.Select(v => v.ToString()))).ToList();

    public DbValue Scalar(string sql, StatementParameters? parameters = null) => Query(sql, parameters).Single()[0];

    public void Dispose()
    {
        Session.Dispose();
        _database.Dispose();
    }
}
