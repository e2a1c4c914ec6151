using System.Diagnostics;
using Store.Core.Errors;
using Store.Core.Values;
using Store.Engine;
using Store.Testing.Fuzzing;

namespace Store.Bench.Commands;

/// <summary>
/// <c>fuzz</c>: a long campaign of hostile SQL against a real database, in this process as an
/// application embedding Store runs it. Statements are the fuzz tests' seeds and every
/// statement of the SQL samples, mutated (<see cref="SqlMutator"/>), and one in ten built to
/// nest or grow past the limits (<see cref="HostileSql"/>). Each must end in rows or a typed
/// <see cref="StoreException"/>: any other exception is a bug, a statement past
/// <c>--slow-ms</c> a hang candidate, and a crash ends the run before its report. The
/// database starts over every 1,000 statements and is checked for integrity each time.
/// </summary>
internal static class FuzzCommand
{
    private const string Schema = """
        CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT, year INTEGER, score REAL, emb VECTOR(3));
        CREATE TABLE notes (doc INTEGER, note TEXT);
        INSERT INTO docs VALUES (1, 'a', 2019, 0.5, '[1,0,0]'), (2, 'b', NULL, 1.5, NULL), (3, 'c', 2001, NULL, '[0,1,0]');
        INSERT INTO notes VALUES (1, 'x'), (3, 'y');
        CREATE INDEX docs_emb ON docs USING hnsw (emb);
        """;

    public static int Run(BenchArguments arguments)
    {
        var total = arguments.Int("statements", 100_000);
        var seed = arguments.Int("seed", Environment.TickCount);
        var slow = TimeSpan.FromMilliseconds(arguments.Int("slow-ms", 5_000));
        var random = new Random(seed);
        var mutator = new SqlMutator(random, [.. SqlMutator.Seeds, .. SampleStatements()]);
        var hostile = new HostileSql(random);
        var parameters = new StatementParameters().Add("id", DbValue.FromInteger(1)).Add("p", DbValue.FromInteger(2))
            .Add("q", DbValue.FromText("t")).Add("t", DbValue.FromText("a")).Add(DbValue.FromInteger(3));
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var bugs = new List<string>();
        var (slowest, slowestSql, integrityFailures) = (TimeSpan.Zero, "", 0);
        var clock = Stopwatch.StartNew();
        Database? database = null;
        Session? session = null;
        for (var i = 0; i < total; i++)
        {
            if (i % 1000 == 0)
            {
                integrityFailures += Close(session, database);
                database = Database.Open(Database.MemoryPath);
                session = database.OpenSession();
                foreach (var statement in session.PrepareScript(Schema))
                {
                    session.Execute(statement).Dispose();
                }
            }

            var sql = random.Next(10) == 0 ? hostile.Next() : mutator.Next();
            var started = Stopwatch.GetTimestamp();
            var outcome = Outcome(session!, sql, parameters, bugs);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            var took = Stopwatch.GetElapsedTime(started);
            if (took > slowest)
            {
                (slowest, slowestSql) = (took, sql);
            }

            if (took > slow)
            {
                outcomes["slow"] = outcomes.GetValueOrDefault("slow") + 1;
            }
        }

        integrityFailures += Close(session, database);
        Console.WriteLine($"seed {seed}: {total:N0} statements in {clock.Elapsed.TotalSeconds:F0} s, no crash");
        foreach (var (outcome, count) in outcomes)
        {
            Console.WriteLine($"  {outcome,-28} {count,8:N0}");
        }

        Console.WriteLine($"  integrity check failures     {integrityFailures,8:N0}");
        Console.WriteLine($"  slowest statement: {slowest.TotalMilliseconds:F0} ms ({slowestSql.Length:N0} characters: {slowestSql[..Math.Min(slowestSql.Length, 120)]})");
        foreach (var bug in bugs.Take(10))
        {
            Console.WriteLine(bug);
        }

        return bugs.Count == 0 && integrityFailures == 0 && !outcomes.ContainsKey("slow") ? 0 : 1;
    }

    /// <summary>"ok", the typed error's code, or "BUG" for any other exception (kept, with its statement, in <paramref name="bugs"/>).</summary>
    private static string Outcome(Session session, string sql, StatementParameters parameters, List<string> bugs)
    {
        try
        {
            foreach (var statement in session.PrepareScript(sql))
            {
                using var result = session.Execute(statement, parameters);
                while (result.Read())
                {
                }
            }

            return "ok";
        }
        catch (StoreException error)
        {
            return $"error {error.Code}";
        }
        catch (Exception other)
        {
            bugs.Add($"BUG {other.GetType().Name}: {other.Message}\n  in: {sql[..Math.Min(sql.Length, 300)]}");
            return "BUG";
        }
    }

    /// <summary>Ends a database, rolling back what a mutated BEGIN left open; 1 when its integrity check fails.</summary>
    private static int Close(Session? session, Database? database)
    {
        if (session is null || database is null)
        {
            return 0;
        }

        if (session.InTransaction)
        {
            session.Execute("ROLLBACK").Dispose();
        }

        var lines = new List<string>();
        using (var check = session.Execute("PRAGMA integrity_check"))
        {
            while (check.Read())
            {
                lines.Add(check[0].AsText);
            }
        }

        var ok = lines.SequenceEqual(["ok"]);
        session.Dispose();
        database.Dispose();
        return ok ? 0 : 1;
    }

    /// <summary>Every statement of sql-samples/*.sql, one line each (comments dropped), as mutation seeds.</summary>
    private static IEnumerable<string> SampleStatements() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "sql-samples"), "*.sql")
            .SelectMany(f => string.Join(" ", File.ReadLines(f).Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal) && !l.TrimStart().StartsWith('.')))
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
