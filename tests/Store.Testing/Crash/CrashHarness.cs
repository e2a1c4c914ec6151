using Store.Access;
using System.Diagnostics;
using Store.Access.Catalog;
using Store.Access.Integrity;
using Store.Core.Values;
using Store.Storage.Paging;

namespace Store.Testing.Crash;

/// <summary>
/// Runs the crash writer as a real child process, kills it with SIGKILL at a random moment,
/// reopens the database and checks it: every acknowledged commit is there, nothing
/// uncommitted is (the state equals the replayed model after the last acknowledged
/// transaction, or the one after it if the kill fell between fsync and acknowledgement), and
/// the integrity check is clean. Repeats for the requested number of kill points.
/// </summary>
public static class CrashHarness
{
    /// <summary>Options the writer and the checker open the database with.</summary>
    public static readonly PagerOptions Options = new() { PageSize = 4096, CacheBytes = 64 * 4096, AutoCheckpointFrames = 300 };

    public static CrashReport Run(string writerDll, string databasePath, int seed, int killPoints, Action<string>? log = null)
    {
        var random = new Random(seed);
        var verified = 0L;
        var model = new SortedDictionary<long, DbValue[]>();
        var failures = new List<string>();
        var killsDuringWork = 0;
        for (var kill = 0; kill < killPoints && failures.Count == 0; kill++)
        {
            var (lastAck, ready) = RunAndKill(writerDll, databasePath, seed, random);
            killsDuringWork += ready ? 1 : 0;
            var acknowledged = Math.Max(lastAck, verified);
            var problem = Verify(databasePath, seed, acknowledged, model, verified, out var found);
            if (problem is not null)
            {
                failures.Add($"kill {kill}: {problem}");
            }

            verified = found;
            log?.Invoke($"kill {kill}: acknowledged {acknowledged}, recovered {found}");
        }

        return new CrashReport(killPoints, killsDuringWork, verified, failures);
    }

    private static (long LastAck, bool Ready) RunAndKill(string writerDll, string databasePath, int seed, Random random)
    {
        using var process = StartWriter(writerDll, databasePath, seed);
        long lastAck = 0;
        var ready = new ManualResetEventSlim();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.StartsWith("ACK ", StringComparison.Ordinal))
            {
                Interlocked.Exchange(ref lastAck, long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (e.Data?.StartsWith("READY", StringComparison.Ordinal) == true)
            {
                ready.Set();
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Mostly kill while commits stream; sometimes during start-up and recovery.
        var duringWork = random.Next(8) != 0;
        if (duringWork)
        {
            ready.Wait(TimeSpan.FromSeconds(30));
            Thread.Sleep(random.Next(5, 400));
        }
        else
        {
            Thread.Sleep(random.Next(0, 150));
        }

        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return (Interlocked.Read(ref lastAck), duringWork && ready.IsSet);
    }

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
        var catalog = new SystemCatalog(txn, new DatabaseState());
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

        var report = new IntegrityChecker(txn, new DatabaseState()).Run();
        return report.IsOk ? FindThroughIndex(catalog, expected) : $"integrity check failed: {report}";
    }

    /// <summary>Every committed vector is found by searching each vector index for itself, and no deleted row ever comes back.</summary>
    private static string? FindThroughIndex(SystemCatalog catalog, SortedDictionary<long, DbValue[]> expected)
    {
        foreach (var info in catalog.VectorIndexesOf(CrashWorkload.ItemsTable))
        {
            var index = catalog.OpenVectorIndex(info);
            var breadth = info.Schema.Method == "ivf" ? CrashWorkload.IvfLists : 64;
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
