using System.Globalization;
using Microsoft.Data.Sqlite;
using Store.Core.Values;
using Store.Engine;

namespace Store.Testing.Differential;

/// <summary>
/// Runs random databases and queries through SQLite (Microsoft.Data.Sqlite, in memory) and
/// Store (in memory) and compares the results: values and their types, and row order where the
/// query's ORDER BY fixes it. Reals are compared to 1e-9 relative, as AVG may sum in another order.
/// </summary>
public static class DifferentialRunner
{
    /// <summary>Runs <paramref name="databases"/> databases of <paramref name="queriesEach"/> queries; returns the mismatches, each with its query, and what was compared.</summary>
    public static DifferentialReport Run(int seed, int databases, int queriesEach)
    {
        var mismatches = new List<string>();
        int queriesRun = 0, nonEmpty = 0, rowsCompared = 0;
        for (var d = 0; d < databases; d++)
        {
            var random = new Random(seed + d);
            var schema = new RandomDatabase(random);
            using var sqlite = new SqliteConnection("Data Source=:memory:");
            sqlite.Open();
            using var store = Database.Open(Database.MemoryPath);
            using var session = store.OpenSession();
            foreach (var statement in schema.Statements)
            {
                using var command = sqlite.CreateCommand();
                command.CommandText = statement;
                command.ExecuteNonQuery();
                session.Execute(statement).Dispose();
            }

            var queries = new RandomQueries(random);
            for (var q = 0; q < queriesEach; q++)
            {
                var (sql, ordered) = queries.Next();
                var expected = SqliteRows(sqlite, sql);
                queriesRun++;
                nonEmpty += expected.Count > 0 ? 1 : 0;
                rowsCompared += expected.Count;
                List<string> actual;
                try
                {
                    actual = StoreRows(session, sql);
                }
                catch (Exception e)
                {
                    mismatches.Add($"seed {seed + d}: {sql}\n  Store failed: {e.Message}");
                    continue;
                }

                if (!ordered)
                {
                    expected.Sort(StringComparer.Ordinal);
                    actual.Sort(StringComparer.Ordinal);
                }

                if (!expected.SequenceEqual(actual))
                {
                    mismatches.Add($"seed {seed + d}: {sql}\n  SQLite: {string.Join(" ; ", expected.Take(8))}\n  Store:  {string.Join(" ; ", actual.Take(8))}");
                }
            }
        }

        return new DifferentialReport(mismatches, queriesRun, nonEmpty, rowsCompared);
    }

    private static List<string> SqliteRows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
            {
                DBNull => "N",
                long l => "I:" + l.ToString(CultureInfo.InvariantCulture),
                double r => Real(r),
                string s => "T:" + s,
                var other => "?" + other,
            })));
        }

        return rows;
    }

    private static List<string> StoreRows(Session session, string sql)
    {
        using var result = session.Execute(sql);
        var rows = new List<string>();
        while (result.Read())
        {
            rows.Add(string.Join("|", result.Current.Select(v => v.Kind switch
            {
                DbValueKind.Null => "N",
                DbValueKind.Integer => "I:" + v.AsInteger.ToString(CultureInfo.InvariantCulture),
                DbValueKind.Real => Real(v.AsReal),
                DbValueKind.Text => "T:" + v.AsText,
                _ => "?" + v,
            })));
        }

        return rows;
    }

    private static string Real(double value) => "R:" + value.ToString("G10", CultureInfo.InvariantCulture);
}
