using System.Diagnostics;
using Store.Core.Values;
using Store.Engine;
using Store.Shell.Output;

namespace Store.Shell.Demo;

/// <summary>
/// <c>store demo [FILE]</c>, the main job: builds FILE (demo.store by default) from the sample
/// passages, embeds them with the built-in model (arctic-embed-xs) with a progress bar,
/// indexes them with HNSW, runs example queries (dense, filtered, first stage then
/// rerank) with their timings, and says how to open the shell on the file.
/// </summary>
internal static class DemoCommand
{
    private const int EmbedRowsPerStatement = 32;

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var path = args.Count > 0 ? args[0] : "demo.store";
        foreach (var file in new[] { path, path + "-wal" })
        {
            File.Delete(file);
        }

        var passages = DemoPassage.Load(DemoPassage.CorpusPath);
        using var shell = new ShellContext(path, readOnly: false, output, error) { Width = Console.IsOutputRedirected ? null : Console.WindowWidth };
        output.WriteLine($"Building {path} from {passages.Count} passages (sql-samples/demo/passages.tsv).\n");
        var clock = Stopwatch.StartNew();
        Load(shell.Session, passages);
        output.WriteLine($"loaded {passages.Count} rows in {clock.Elapsed.TotalMilliseconds:F0} ms");

        clock.Restart();
        Embed(shell.Session, passages.Count, new ProgressBar(error, passages.Count, !Console.IsErrorRedirected));
        output.WriteLine($"embedded {passages.Count} passages with the built-in model 'arctic' in {clock.Elapsed.TotalSeconds:F1} s ({passages.Count / clock.Elapsed.TotalSeconds:F0} a second)");

        clock.Restart();
        shell.Session.Execute("CREATE INDEX passages_emb ON passages USING hnsw (emb) WITH (metric = 'cosine', m = 16, ef_construction = 200)").Dispose();
        output.WriteLine($"built the HNSW index in {clock.Elapsed.TotalMilliseconds:F0} ms");

        clock.Restart();
        shell.Session.Execute("CREATE INDEX passages_text ON passages USING bm25 (title, body)").Dispose();
        output.WriteLine($"built the BM25 index in {clock.Elapsed.TotalMilliseconds:F0} ms\n");

        shell.Timer = true;
        var ok = DemoQueries.All.All(query =>
        {
            output.WriteLine($"-- {query.Comment}");
            var done = shell.RunStatement(query.Sql, echo: true);
            output.WriteLine();
            return done;
        });

        output.WriteLine($"Open the shell on the file to try your own queries:\n  dotnet run -c Release --project src/Store.Shell -- {path}");
        return ok ? 0 : 1;
    }

    private static void Load(Session session, List<DemoPassage> passages)
    {
        session.Execute("CREATE TABLE passages (id INTEGER PRIMARY KEY, topic TEXT NOT NULL, year INTEGER, title TEXT NOT NULL, body TEXT NOT NULL, emb VECTOR(384))").Dispose();
        session.Execute("CREATE INDEX passages_topic ON passages (topic)").Dispose();
        var insert = session.Prepare("INSERT INTO passages (id, topic, year, title, body) VALUES (:id, :topic, :year, :title, :body)");
        session.Begin();
        for (var i = 0; i < passages.Count; i++)
        {
            var p = passages[i];
            session.Execute(insert, new StatementParameters()
                .Add("id", DbValue.FromInteger(i + 1)).Add("topic", DbValue.FromText(p.Topic))
                .Add("year", p.Year is { } year ? DbValue.FromInteger(year) : DbValue.Null)
                .Add("title", DbValue.FromText(p.Title)).Add("body", DbValue.FromText(p.Body))).Dispose();
        }

        session.Commit();
    }

    /// <summary>Fills the vectors a few rows per statement, so the progress bar moves; each statement runs its rows as one model batch.</summary>
    private static void Embed(Session session, int count, ProgressBar progress)
    {
        var update = session.Prepare("UPDATE passages SET emb = embed('arctic', title || '. ' || body) WHERE id BETWEEN :first AND :last");
        for (var first = 1; first <= count; first += EmbedRowsPerStatement)
        {
            var last = Math.Min(count, first + EmbedRowsPerStatement - 1);
            session.Execute(update, new StatementParameters().Add("first", DbValue.FromInteger(first)).Add("last", DbValue.FromInteger(last))).Dispose();
            progress.Report(last, last);
        }

        progress.Finish();
    }
}
