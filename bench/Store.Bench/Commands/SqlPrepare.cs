using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Store.Core.Values;
using Store.Engine;
using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Expressions;
using Store.Sql.Parsing;
using Store.Sql.Planning;
using Store.Sql.Syntax;

namespace Store.Bench.Commands;

/// <summary>
/// <c>prepare</c>: the time to turn SQL text into a runnable plan. For Store that is parse +
/// bind + plan (what every execution of a statement does); for SQLite it is
/// <c>sqlite3_prepare_v2</c> through Microsoft.Data.Sqlite's <c>Prepare()</c>, on the same
/// schema and the same statements (the distance written as a registered function for SQLite).
/// </summary>
internal static class SqlPrepare
{
    private static readonly (string Name, string Store, string Sqlite)[] Statements =
    [
        ("point lookup", "SELECT title, year FROM docs WHERE id = :id", "SELECT title, year FROM docs WHERE id = :id"),
        ("index range", "SELECT id, title FROM docs WHERE year BETWEEN 1990 AND 2000 ORDER BY year LIMIT 20",
            "SELECT id, title FROM docs WHERE year BETWEEN 1990 AND 2000 ORDER BY year LIMIT 20"),
        ("group by", "SELECT year, COUNT(*), AVG(score) FROM docs WHERE score > 0.5 GROUP BY year HAVING COUNT(*) > 2 ORDER BY year DESC",
            "SELECT year, COUNT(*), AVG(score) FROM docs WHERE score > 0.5 GROUP BY year HAVING COUNT(*) > 2 ORDER BY year DESC"),
        ("join", "SELECT d.title, n.note FROM notes n JOIN docs d ON d.id = n.doc WHERE n.note LIKE 'a%' ORDER BY d.title",
            "SELECT d.title, n.note FROM notes n JOIN docs d ON d.id = n.doc WHERE n.note LIKE 'a%' ORDER BY d.title"),
        ("subquery", "SELECT t.title FROM (SELECT title, score FROM docs ORDER BY score DESC LIMIT 100) AS t WHERE t.title LIKE '%x%'",
            "SELECT t.title FROM (SELECT title, score FROM docs ORDER BY score DESC LIMIT 100) AS t WHERE t.title LIKE '%x%'"),
        ("kNN top-k", "SELECT id, title FROM docs WHERE year >= 2015 ORDER BY emb <-> :q LIMIT 10",
            "SELECT id, title FROM docs WHERE year >= 2015 ORDER BY l2(emb, :q) LIMIT 10"),
        ("update", "UPDATE docs SET score = score + 1, title = upper(title) WHERE year = 2001 AND score < 0.5",
            "UPDATE docs SET score = score + 1, title = upper(title) WHERE year = 2001 AND score < 0.5"),
        ("delete", "DELETE FROM notes WHERE doc = :id OR note IS NULL", "DELETE FROM notes WHERE doc = :id OR note IS NULL"),
    ];

    private const string StoreSchema = """
        CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT, year INTEGER, score REAL, emb VECTOR(384));
        CREATE INDEX docs_year ON docs (year);
        CREATE TABLE notes (id INTEGER PRIMARY KEY, doc INTEGER, note TEXT);
        CREATE INDEX notes_doc ON notes (doc);
        """;

    public static int Run(BenchArguments arguments)
    {
        var iterations = arguments.Int("iterations", 20_000);
        using var database = Database.Open(Database.MemoryPath);
        using (var session = database.OpenSession())
        {
            foreach (var statement in session.PrepareScript(StoreSchema))
            {
                session.Execute(statement).Dispose();
            }
        }

        using var sqlite = new SqliteConnection("Data Source=:memory:");
        sqlite.Open();
        sqlite.CreateFunction("l2", (byte[] a, byte[] b) => 0.0);
        using (var schema = sqlite.CreateCommand())
        {
            schema.CommandText = StoreSchema.Replace("VECTOR(384)", "BLOB", StringComparison.Ordinal);
            schema.ExecuteNonQuery();
        }

        var results = new List<object>();
        Console.WriteLine($"{"statement",-14} {"tokenize",10} {"Store parse",12} {"bind+plan",10} {"Store total",12} {"SQLite prepare",15} {"ratio",7}");
        foreach (var (name, storeSql, sqliteSql) in Statements)
        {
            var tokenize = MedianTimer.MicrosecondsPerOperation(() => Store.Sql.Lexing.SqlTokenizer.Tokenize(storeSql), iterations);
            var parse = MedianTimer.MicrosecondsPerOperation(() => SqlParser.ParseScript(storeSql), iterations);
            var total = MedianTimer.MicrosecondsPerOperation(() => PlanOnce(database, storeSql), iterations);
            var prepare = MedianTimer.MicrosecondsPerOperation(() =>
            {
                using var command = sqlite.CreateCommand();
                command.CommandText = sqliteSql;
                command.Prepare();
            }, iterations);
            Console.WriteLine($"{name,-14} {tokenize,8:F2}us {parse,10:F2}us {total - parse,8:F2}us {total,10:F2}us {prepare,13:F2}us {total / prepare,6:F2}x");
            results.Add(new { statement = name, store_tokenize_us = tokenize, store_parse_us = parse, store_parse_bind_plan_us = total, sqlite_prepare_us = prepare, ratio = total / prepare });
        }

        if (arguments.String("json") is { } json)
        {
            File.WriteAllText(json, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
        }

        return 0;
    }

    /// <summary>Parse, bind and plan one statement in a fresh read transaction, as an execution does, without running it.</summary>
    private static void PlanOnce(Database database, string sql)
    {
        var statement = SqlParser.ParseScript(sql)[0];
        var parameters = new ParameterTable(statement);
        var binding = new BindingContext(sql, parameters);
        using var transaction = database.Pager.BeginRead();
        var query = new QueryContext(transaction, database.State, new EvaluationContext(new DbValue[parameters.Names.Count]));
        _ = statement is SelectStatement select
            ? new SelectPlanner(query, binding).Plan(select)
            : (object)new StatementExecutor(query, binding).Explain(statement).Count().ToString(CultureInfo.InvariantCulture);
    }
}
