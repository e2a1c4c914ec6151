using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Store.Core.Values;
using Store.Core.Vectors;
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
            var exact = queries.Select(q => ExactTopK(vectors, q, k)).ToList();

            var path = Path.Combine(directory.FullName, "knn.db");
            var clock = Stopwatch.StartNew();
            using var database = Database.Open(path, new DatabaseOptions { CacheBytes = 1L << 30, Synchronous = SyncMode.Off });
            using var session = database.OpenSession();
            Load(session, vectors, dimensions);
            Console.WriteLine($"loaded {count:N0} x {dimensions} vectors in {clock.Elapsed.TotalSeconds:F1} s");

            var statement = session.Prepare($"SELECT id FROM vecs ORDER BY emb <-> :q LIMIT {k}");
            var storeIds = new List<long[]>();
            var storeMs = MedianMilliseconds(queries, q =>
            {
                using var result = session.Execute(statement, new StatementParameters().Add("q", DbValue.FromVector(q)));
                var ids = new List<long>();
                while (result.Read())
                {
                    ids.Add(result[0].AsInteger - 1);
                }

                storeIds.Add([.. ids]);
            }, warmup: 2);
            var kernelMs = MedianMilliseconds(queries, q => ExactTopK(vectors, q, k), warmup: 2);

            var basePath = Path.Combine(directory.FullName, "base.npy");
            var queryPath = Path.Combine(directory.FullName, "queries.npy");
            NpyFile.Write(basePath, vectors);
            NpyFile.Write(queryPath, queries);
            var peers = RunPeers(basePath, queryPath, k);

            var rows = new List<(string System, double Ms, double Recall)>
            {
                ("Store SQL (exact top-k scan)", storeMs, Recall(storeIds.TakeLast(queryCount).ToList(), exact, k)),
                ("SIMD kernel over an array", kernelMs, 1.0),
            };
            foreach (var name in new[] { "numpy", "faiss" })
            {
                if (peers?.RootElement.TryGetProperty(name, out var peer) == true && peer.ValueKind == JsonValueKind.Object)
                {
                    var ids = peer.GetProperty("ids").EnumerateArray().Select(q => q.EnumerateArray().Select(i => i.GetInt64()).ToArray()).ToList();
                    rows.Add((name == "faiss" ? $"faiss IndexFlatL2 {peer.GetProperty("version").GetString()} (generic build)" : "numpy (BLAS matrix-vector)", peer.GetProperty("ms_per_query").GetDouble(), Recall(ids, exact, k)));
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

    private static void Load(Session session, float[][] vectors, int dimensions)
    {
        session.Execute($"CREATE TABLE vecs (id INTEGER PRIMARY KEY, emb VECTOR({dimensions}))").Dispose();
        var insert = session.Prepare("INSERT INTO vecs (id, emb) VALUES (:id, :emb)");
        for (var start = 0; start < vectors.Length; start += 5000)
        {
            session.Begin();
            for (var i = start; i < Math.Min(start + 5000, vectors.Length); i++)
            {
                session.Execute(insert, new StatementParameters().Add("id", DbValue.FromInteger(i + 1)).Add("emb", DbValue.FromVector(vectors[i]))).Dispose();
            }

            session.Commit();
        }
    }

    private static float[] RandomVector(Random random, int dimensions) =>
        Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();

    private static long[] ExactTopK(float[][] vectors, float[] query, int k)
    {
        var heap = new PriorityQueue<long, float>(Comparer<float>.Create((a, b) => b.CompareTo(a)));
        for (var i = 0; i < vectors.Length; i++)
        {
            var distance = VectorDistance.L2Squared(vectors[i], query);
            if (heap.Count < k)
            {
                heap.Enqueue(i, distance);
            }
            else if (heap.TryPeek(out _, out var worst) && distance < worst)
            {
                heap.EnqueueDequeue(i, distance);
            }
        }

        var ids = new long[heap.Count];
        for (var i = ids.Length - 1; i >= 0; i--)
        {
            ids[i] = heap.Dequeue();
        }

        return ids;
    }

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

    private static double Recall(List<long[]> found, List<long[]> exact, int k) =>
        found.Zip(exact, (f, e) => f.Intersect(e).Count() / (double)k).Average();

    private static JsonDocument? RunPeers(string basePath, string queryPath, int k)
    {
        var script = Path.Combine(RepositoryPaths.Root, "bench", "peers", "flat_knn.py");
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, "--base", basePath, "--queries", queryPath, "--k", k.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"peers failed (install Debian's python3-numpy and python3-faiss): {error.Trim()}");
                return null;
            }

            return JsonDocument.Parse(output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.Error.WriteLine($"peers skipped: /usr/bin/python3 not found ({e.Message})");
            return null;
        }
    }
}
