using System.Diagnostics;
using Store.Access;
using Store.Access.Catalog;
using Store.Access.Integrity;
using Store.Core.Values;
using Store.Storage.Paging;

namespace Store.Testing.Crash;

/// <summary>
/// Runs the crash writer as a real child process, kills it with SIGKILL, reopens the database
/// and checks it: every acknowledged commit is there, nothing uncommitted is (the state equals
/// the replayed model after the last acknowledged transaction, or the one after it if the kill
/// fell between fsync and acknowledgement), and the integrity check is clean. Repeats for the
/// requested number of kill points.
/// Each kill point is drawn from the seed and the writer's progress, never from the clock alone:
/// most wait for the writer's Nth acknowledgement of that run and a few milliseconds more, so
/// the work checked is the same on a fast machine and on a slow, busy one.
/// </summary>
public static class CrashHarness
{
    /// <summary>Options the writer and the checker open the database with.</summary>
    public static readonly PagerOptions Options = new() { PageSize = 4096, CacheBytes = 64 * 4096, AutoCheckpointFrames = 300 };

    /// <summary>A kill while commits stream waits for this many acknowledgements of its run, at least.</summary>
    private const int FewestAwaited = 1;

    /// <summary>A kill while commits stream waits for this many acknowledgements of its run, at most.</summary>
    private const int MostAwaited = 16;

    /// <summary>
    /// How long a writer may go without the awaited acknowledgement before its run counts as
    /// hung: a bound on liveness, far beyond any machine's pace, not a measure of speed.
    /// </summary>
    private static readonly TimeSpan StallLimit = TimeSpan.FromMinutes(2);

    public static CrashReport Run(string writerDll, string databasePath, int seed, int killPoints, Action<string>? log = null)
    {
        var random = new Random(seed);
        var verified = 0L;
        var model = new SortedDictionary<long, DbValue[]>();
        var failures = new List<string>();
        var killsDuringWork = 0;
        var awaitedInAll = 0L;
        for (var kill = 0; kill < killPoints && failures.Count == 0; kill++)
        {
            // Seven kills in eight land while commits stream, after the awaited acknowledgement
            // and a delay of up to a few transactions; the eighth lands during start-up and recovery.
            var awaited = random.Next(8) == 0 ? 0 : random.Next(FewestAwaited, MostAwaited + 1);
            var delayMs = awaited == 0 ? random.Next(0, 150) : random.Next(0, 20);
            var run = RunAndKill(writerDll, databasePath, seed, awaited, delayMs);
            if (run.Acknowledgements < awaited)
            {
                var stopped = run.Stalled ? $"made no progress for {StallLimit.TotalMinutes} minutes" : "exited";
                var errors = run.Errors.Length == 0 ? "" : $": {run.Errors}";
                failures.Add($"kill {kill}: the writer {stopped} after {run.Acknowledgements} of {awaited} awaited acknowledgements{errors}");
            }

            killsDuringWork += awaited > 0 ? 1 : 0;
            awaitedInAll += awaited;
            var acknowledged = Math.Max(run.LastAck, verified);
            var problem = Verify(databasePath, seed, acknowledged, model, verified, out var found);
            if (problem is not null)
            {
                failures.Add($"kill {kill}: {problem}");
            }

            verified = found;
            log?.Invoke($"kill {kill}: awaited {awaited} acknowledgements + {delayMs} ms, acknowledged {acknowledged}, recovered {found}");
        }

        return new CrashReport(killPoints, killsDuringWork, awaitedInAll, verified, failures);
    }

    /// <summary>
    /// Starts a writer, waits for its <paramref name="awaited"/>th acknowledgement (for none,
    /// not at all), sleeps <paramref name="delayMs"/> and kills it.
    /// </summary>
    private static WriterRun RunAndKill(string writerDll, string databasePath, int seed, int awaited, int delayMs)
    {
        using var process = StartWriter(writerDll, databasePath, seed);
        using var reached = new ManualResetEventSlim(awaited == 0);
        long lastAck = 0;
        var acknowledgements = 0;
        var errors = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                // The writer's output ended, so the awaited acknowledgement never will come.
                reached.Set();
            }
            else if (e.Data.StartsWith("ACK ", StringComparison.Ordinal))
            {
                lastAck = long.Parse(e.Data[4..], System.Globalization.CultureInfo.InvariantCulture);
                if (++acknowledgements == awaited)
                {
                    reached.Set();
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var stalled = !reached.Wait(StallLimit);
        Thread.Sleep(delayMs);
        process.Kill(entireProcessTree: true);

        // Also waits for the output handlers to finish, so the counts below are final.
        process.WaitForExit();
        lock (errors)
        {
            return new WriterRun(lastAck, acknowledgements, stalled, errors.ToString().Trim());
        }
    }

    /// <summary>What one writer run printed before its kill: the last transaction acknowledged, how many, and its standard error.</summary>
    private readonly record struct WriterRun(long LastAck, int Acknowledgements, bool Stalled, string Errors);

    /// <summary>Starts the crash writer on <paramref name="databasePath"/>; its standard output carries READY and ACK lines.</summary>
    public static Process StartWriter(string writerDll, string databasePath, int seed)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(writerDll);
        start.ArgumentList.Add(databasePath);
        start.ArgumentList.Add(seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Process.Start(start)!;
    }

    /// <summary>Checks the reopened database; advances <paramref name="model"/> (the items after <paramref name="modelAt"/>) to what it found.</summary>
    private static string? Verify(string databasePath, int seed, long acknowledged, SortedDictionary<long, DbValue[]> model, long modelAt, out long found)
    {
        found = acknowledged;
        if (!File.Exists(databasePath))
        {
            return acknowledged == 0 ? null : "database file vanished";
        }

        using var pager = Pager.Open(databasePath, Options);
        using var txn = pager.BeginRead();
        var state = new DatabaseState();
        var catalog = new SystemCatalog(txn, state);
        if (catalog.FindTable(CrashWorkload.ProgressTable) is null)
        {
            return acknowledged == 0 ? null : "tables vanished";
        }

        found = CrashWorkload.CommittedTransaction(txn);
        if (found != acknowledged && found != acknowledged + 1)
        {
            return $"recovered transaction {found}, but {acknowledged} was the last acknowledged";
        }

        CrashWorkload.ReplayForward(seed, model, modelAt, found);
        var expected = model;
        var actual = catalog.OpenTable(CrashWorkload.ItemsTable).Scan().ToList();
        if (!expected.Keys.SequenceEqual(actual.Select(r => r.RowId)) || !expected.Values.Zip(actual, (e, a) => e.SequenceEqual(a.Values)).All(x => x))
        {
            return $"rows after transaction {found} differ from the model ({actual.Count} rows, {expected.Count} expected)";
        }

        var report = new IntegrityChecker(txn, state).Run();
        return report.IsOk ? FindThroughIndex(catalog, expected) : $"integrity check failed: {report}";
    }

    /// <summary>
    /// Every committed vector is found by searching each vector index for itself, and no deleted
    /// row ever comes back. The search is as wide as the index (every IVF list; an HNSW candidate
    /// list as long as the live rows), so that what is checked is the index's content after the
    /// crash, not the recall of a narrow approximate search: at ef 64, one row in 10,000-40,000
    /// of such small, heavily updated graphs is missed by its own vector with or without a crash
    /// (measured on the graph alone; the recall tests and the ann benchmark measure recall).
    /// </summary>
    private static string? FindThroughIndex(SystemCatalog catalog, SortedDictionary<long, DbValue[]> expected)
    {
        foreach (var info in catalog.VectorIndexesOf(CrashWorkload.ItemsTable))
        {
            var index = catalog.OpenVectorIndex(info);
            var breadth = info.Schema.Method == "ivf" ? CrashWorkload.IvfLists : Math.Max(64, index.LiveCount() ?? 0);
            foreach (var (rowId, values) in expected.Where(e => !e.Value[3].IsNull))
            {
                var found = index.Search(values[3].AsVector, 5, breadth, null) ?? [];
                if (found.Select(f => f.RowId).Where(id => !expected.ContainsKey(id)).Select(id => (long?)id).FirstOrDefault() is { } stray)
                {
                    return $"index {info.Schema.Name} returned deleted row {stray}";
                }

                if (!found.Any(f => f.RowId == rowId))
                {
                    return $"row {rowId} is not found through index {info.Schema.Name} by its own vector";
                }
            }
        }

        return null;
    }
}
