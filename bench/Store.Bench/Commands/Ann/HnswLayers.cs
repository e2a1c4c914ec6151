using Store.Access.Catalog;
using Store.Access.Vectors.Hnsw;
using Store.Core.Vectors;
using Store.Engine;

namespace Store.Bench.Commands.Ann;

/// <summary>
/// Where the time of an HNSW query goes, layer by layer, on the same data and graph
/// parameters: the bare graph search (HnswGraph.Search on a graph built in memory), the
/// access layer (read transaction, catalog, shared graph cache, search), and the whole SQL
/// statement through a session. Each layer is timed after a warm-up, single-threaded,
/// as the median of several rounds, together with the bytes it allocates per query.
/// </summary>
internal static class HnswLayers
{
    public static int Run(BenchArguments arguments)
    {
        var data = VectorFiles.ReadVectors(arguments.String("base") ?? throw new ArgumentException("--base FILE is required"));
        var queries = VectorFiles.ReadVectors(arguments.String("queries") ?? throw new ArgumentException("--queries FILE is required"));
        var (m, efConstruction, ef, k) = (arguments.Int("m", 16), arguments.Int("ef-construction", 200), arguments.Int("ef", 10), arguments.Int("k", 10));
        var rounds = arguments.Int("rounds", 10);

        var graph = HnswBuilder.Build(new HnswParameters(VectorMetric.L2, data[0].Length, m, efConstruction), data.Select((v, i) => ((long)i, v)).ToList(), Environment.ProcessorCount);
        Report("graph search (in memory)", queries, rounds, q => graph.Search(q, k, ef));
        if (arguments.Flag("graph-only"))
        {
            return 0;
        }

        using var database = Database.Open(Database.MemoryPath);
        using var session = database.OpenSession();
        VectorTable.Load(session, data);
        session.Execute($"CREATE INDEX vecs_hnsw ON vecs USING hnsw (emb) WITH (m = {m}, ef_construction = {efConstruction})").Dispose();
        session.Execute($"SET hnsw.ef_search = {ef}").Dispose();
        Report("access layer (transaction, catalog, cache)", queries, rounds, q =>
        {
            using var txn = database.Pager.BeginRead();
            var catalog = new SystemCatalog(txn);
            catalog.OpenVectorIndex(catalog.VectorIndexesOf("vecs")[0]).Search(q, k, ef, null);
        });

        var statement = session.Prepare($"SELECT id FROM vecs ORDER BY emb <-> :q LIMIT {k}");
        Report("SQL statement (prepared, through a session)", queries, rounds, q => VectorTable.Ids(session, statement, q));
        return 0;
    }

    /// <summary>Times passes over all queries and reports the median pass (<see cref="MedianTimer"/>): on these shared vCPUs one pass in several is slowed by a neighbour.</summary>
    private static void Report(string layer, float[][] queries, int rounds, Action<float[]> search)
    {
        Warmup.Run(queries, search);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var perPass = MedianTimer.MicrosecondsPerOperation(() => Array.ForEach(queries, search), iterations: 1, rounds);
        var perQuery = perPass / queries.Length;

        // MedianTimer runs one untimed pass before the timed ones.
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / ((double)(rounds + 1) * queries.Length);
        Console.WriteLine($"{layer,-46} {1e6 / perQuery,9:F0} queries/s {perQuery,8:F1} us/query {bytes,8:F0} bytes/query");
    }
}
