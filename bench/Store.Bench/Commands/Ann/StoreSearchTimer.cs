using System.Diagnostics;
using Store.Engine;

namespace Store.Bench.Commands.Ann;

/// <summary>
/// Times Store's kNN statement at one setting of the sweep, one query per call: on one thread
/// (throughput and per-query latency), and on every core at once, each thread with its own
/// session on the same database, as concurrent readers of an embedded database would be.
/// </summary>
internal sealed class StoreSearchTimer(Database database, string querySql, string? settingSql)
{
    /// <summary>
    /// Runs every query <paramref name="passes"/> times on this thread: what each returned (first
    /// pass), queries per second in the median pass, and mean and 99th-percentile latency over
    /// all passes.
    /// </summary>
    public (int[][] Ids, double QueriesPerSecond, double MeanMicroseconds, double P99Microseconds) OneThread(float[][] queries, int passes)
    {
        using var session = OpenSession(out var statement);
        Warmup.Run(queries, query => VectorTable.Ids(session, statement, query));

        var ids = new int[queries.Length][];
        var latencies = new List<double>(queries.Length * passes);
        var passSeconds = new List<double>(passes);
        for (var pass = 0; pass < passes; pass++)
        {
            var total = Stopwatch.StartNew();
            for (var q = 0; q < queries.Length; q++)
            {
                var start = Stopwatch.GetTimestamp();
                var found = VectorTable.Ids(session, statement, queries[q]);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                ids[q] ??= found;
            }

            passSeconds.Add(total.Elapsed.TotalSeconds);
        }

        passSeconds.Sort();
        latencies.Sort();
        var p99 = latencies[Math.Max(0, (int)Math.Ceiling(latencies.Count * 0.99) - 1)];
        return (ids, queries.Length / passSeconds[passes / 2], latencies.Average(), p99);
    }

    /// <summary>Queries per second with one thread per core, the queries dealt out among them.</summary>
    public double AllThreads(float[][] queries)
    {
        var threads = Environment.ProcessorCount;
        // Sessions are opened and statements prepared before the clock starts.
        using var ready = new Barrier(threads + 1);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            using var session = OpenSession(out var statement);
            ready.SignalAndWait();
            for (var q = t; q < queries.Length; q += threads)
            {
                VectorTable.Ids(session, statement, queries[q]);
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        ready.SignalAndWait();
        var clock = Stopwatch.StartNew();
        workers.ForEach(w => w.Join());
        return queries.Length / clock.Elapsed.TotalSeconds;
    }

    private Session OpenSession(out PreparedStatement statement)
    {
        var session = database.OpenSession();
        if (settingSql is not null)
        {
            session.Execute(settingSql).Dispose();
        }

        statement = session.Prepare(querySql);
        return session;
    }
}
