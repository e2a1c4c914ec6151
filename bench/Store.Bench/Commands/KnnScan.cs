using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Store.Engine;

namespace Store.Bench.Commands;

/// <summary>
/// <c>knn-scan</c>: exact nearest-neighbour search without an index, at 384 dimensions by
/// default. Store answers <c>SELECT id FROM vecs ORDER BY emb &lt;-&gt; :q LIMIT k</c> from a
/// file database whose pages are cached; beside it, the bare SIMD kernel over an in-memory
/// array (the floor of what the scan costs) and, on the same vectors in the same run, numpy
/// and faiss IndexFlatL2 (bench/peers/flat_knn.py, one thread). Reports vectors scanned per
/// second per core and agreement with the exact answer.
/// </summary>
internal static class KnnScan
{
    public static int Run(BenchArguments arguments)
    {
        var count = arguments.Int("vectors", 100_000);
        var dimensions = arguments.Int("dims", 384);
        var queryCount = arguments.Int("queries", 30);
        var k = arguments.Int("k", 10);
        var random = new Random(arguments.Int("seed", 7));
        var directory = Directory.CreateTempSubdirectory("store-knn-");
        try
        {
            var vectors = Enumerable.Range(0, count).Select(_ => RandomVector(random, dimensions)).ToArray();
            var queries = Enumerable.Range(0, queryCount).Select(_ => RandomVector(random, dimensions)).ToArray();
            var exact = queries.Select(q => ExactSearch.Nearest(vectors, q, k, BenchMetric.L2)).ToList();

            var path = Path.Combine(directory.FullName, "knn.db");
            var clock = Stopwatch.StartNew();
            using var database = Database.Open(path, new DatabaseOptions { CacheBytes = 1L << 30, Synchronous = SyncMode.Off });
            using var session = database.OpenSession();
            VectorTable.Load(session, vectors);
            Console.WriteLine($"loaded {count:N0} x {dimensions} vectors in {clock.Elapsed.TotalSeconds:F1} s");

            var statement = session.Prepare($"SELECT id FROM vecs ORDER BY emb <-> :q LIMIT {k}");
            var storeIds = new List<int[]>();
            var storeMs = MedianMilliseconds(queries, q => storeIds.Add(VectorTable.Ids(session, statement, q)), warmup: 2);
            var kernelMs = MedianMilliseconds(queries, q => ExactSearch.Nearest(vectors, q, k, BenchMetric.L2), warmup: 2);

            var basePath = Path.Combine(directory.FullName, "base.npy");
            var queryPath = Path.Combine(directory.FullName, "queries.npy");
            NpyFile.Write(basePath, vectors);
            NpyFile.Write(queryPath, queries);
            var peers = RunPeers(basePath, queryPath, k);

            var rows = new List<(string System, double Ms, double Recall)>
            {
                ("Store SQL (exact top-k scan)", storeMs, ExactSearch.Recall(storeIds.TakeLast(queryCount).ToList(), exact, k)),
                ("SIMD kernel over an array", kernelMs, 1.0),
            };
            foreach (var name in new[] { "numpy", "faiss" })
            {
                if (peers?.RootElement.TryGetProperty(name, out var peer) == true && peer.ValueKind == JsonValueKind.Object)
                {
                    var ids = peer.GetProperty("ids").EnumerateArray().Select(q => q.EnumerateArray().Select(i => i.GetInt32()).ToArray()).ToList();
                    rows.Add((name == "faiss" ? $"faiss IndexFlatL2 {peer.GetProperty("version").GetString()} (generic build)" : "numpy (BLAS matrix-vector)", peer.GetProperty("ms_per_query").GetDouble(), ExactSearch.Recall(ids, exact, k)));
                }
            }

            Console.WriteLine($"{count:N0} vectors x {dimensions} dims, k = {k}, {queryCount} queries, one thread, median per query");
            Console.WriteLine($"{"system",-44} {"ms/query",9} {"Mvectors/s",11} {"recall@k",9} {"Store vs",9}");
            foreach (var (system, ms, recall) in rows)
            {
                Console.WriteLine($"{system,-44} {ms,9:F2} {count / ms / 1000,11:F2} {recall,9:F3} {ms / storeMs,8:F2}x");
            }

            if (arguments.String("json") is { } json)
            {
                File.WriteAllText(json, JsonSerializer.Serialize(rows.Select(r => new
                {
                    system = r.System, vectors = count, dimensions, k, ms_per_query = r.Ms, vectors_per_second = count / r.Ms * 1000, recall_at_k = r.Recall,
                }), new JsonSerializerOptions { WriteIndented = true }));
            }

            return 0;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static float[] RandomVector(Random random, int dimensions) =>
        Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();

    private static double MedianMilliseconds(float[][] queries, Action<float[]> search, int warmup)
    {
        foreach (var query in queries.Take(warmup))
        {
            search(query);
        }

        var times = new List<double>();
        foreach (var query in queries)
        {
            var clock = Stopwatch.StartNew();
            search(query);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static JsonDocument? RunPeers(string basePath, string queryPath, int k)
    {
        var script = Path.Combine(RepositoryPaths.Root, "bench", "peers", "flat_knn.py");
        var output = PeerProcess.Run("/usr/bin/python3", [script, "--base", basePath, "--queries", queryPath, "--k", k.ToString(CultureInfo.InvariantCulture)],
            "install Debian's python3-numpy and python3-faiss");
        return output is null ? null : JsonDocument.Parse(output);
    }
}
