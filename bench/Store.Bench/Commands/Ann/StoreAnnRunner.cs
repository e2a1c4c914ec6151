using System.Diagnostics;
using Store.Core.Errors;
using Store.Engine;

namespace Store.Bench.Commands.Ann;

/// <summary>
/// Store's side of <c>ann</c>, all through SQL on a real file database in a temporary
/// directory: load the vectors, CREATE INDEX (timed), then at each setting of the sweep SET it
/// and time the kNN query. The index's size is how much the database file grew when it was
/// built, measured after checkpoints so that the WAL holds nothing.
/// </summary>
internal static class StoreAnnRunner
{
    private const string PeakNote = "Store: peak_rss_bytes is the high-water mark of the bench process, which also holds an in-memory copy of the vectors";

    /// <summary>One result per setting, or none when this build of Store lacks the index method.</summary>
    public static IReadOnlyList<AnnResult> Run(AnnOptions options, float[][] vectors, float[][] queries, int[][] truth)
    {
        var directory = Directory.CreateTempSubdirectory("store-ann-");
        try
        {
            var path = Path.Combine(directory.FullName, "ann.db");
            // A cache that holds the whole table and index, so the sweep measures search, not reads from disk.
            var dataBytes = (long)vectors.Length * vectors[0].Length * sizeof(float);
            using var database = Database.Open(path, new DatabaseOptions { CacheBytes = Math.Max(1L << 30, 3 * dataBytes), Synchronous = SyncMode.Off });
            using (var session = database.OpenSession())
            {
                var clock = Stopwatch.StartNew();
                VectorTable.Load(session, vectors);
                Console.WriteLine($"Store: loaded {vectors.Length:N0} x {vectors[0].Length} vectors in {clock.Elapsed.TotalSeconds:F1} s");
            }

            var sizeBefore = CheckpointedSize(database, path);
            if (!TryBuildIndex(database, options, out var buildSeconds))
            {
                return [];
            }

            var indexBytes = CheckpointedSize(database, path) - sizeBefore;
            var querySql = $"SELECT id FROM vecs ORDER BY emb {options.Metric.SqlOperator} :q LIMIT {options.K}";
            var results = new List<AnnResult>();
            foreach (var setting in options.Settings)
            {
                var timer = new StoreSearchTimer(database, querySql, setting is null ? null : $"SET {options.SweepSetting} = {setting}");
                var (ids, qps, mean, p99) = timer.OneThread(queries, options.Passes);
                var result = new AnnResult("store", options.Index, options.ParamsAt(setting), ExactSearch.Recall(ids, truth, options.K),
                    qps, timer.AllThreads(queries), mean, p99, buildSeconds, indexBytes, PeakRssBytes: 0);
                Console.WriteLine($"Store: {options.Index} {result.FormatParams()} recall@{options.K} {result.RecallAtK:F3}, {qps:F0} queries/s");
                results.Add(result);
            }

            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            return [.. results.Select(r => r with { PeakRssBytes = peak, Note = PeakNote })];
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static bool TryBuildIndex(Database database, AnnOptions options, out double seconds)
    {
        seconds = 0;
        if (options.CreateIndexSql() is not { } sql)
        {
            return true;
        }

        using var session = database.OpenSession();
        try
        {
            var clock = Stopwatch.StartNew();
            session.Execute(sql).Dispose();
            seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"Store: built the {options.Index} index in {seconds:F1} s");
            return true;
        }
        catch (StoreException e) when (e.Code == ErrorCode.NotSupported)
        {
            // The message's first line says why; the rest repeats the statement with a caret.
            Console.WriteLine($"Store: {options.Index} not available in this build ({e.Message.Split('\n')[0]})");
            return false;
        }
    }

    /// <summary>The main file's size once a checkpoint has copied every committed page home.</summary>
    private static long CheckpointedSize(Database database, string path)
    {
        var checkpoint = database.Pager.Checkpoint();
        if (checkpoint.FramesRemaining > 0)
        {
            Console.Error.WriteLine($"Store: {checkpoint.FramesRemaining} WAL frames stayed after a checkpoint; index_bytes counts the WAL too");
            return new FileInfo(path).Length + new FileInfo(path + "-wal").Length;
        }

        return new FileInfo(path).Length;
    }
}
