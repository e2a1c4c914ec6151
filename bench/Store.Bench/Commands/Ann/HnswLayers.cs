using Store.Access.Catalog;
using Store.Access.Vectors.Hnsw;
using Store.Core.Vectors;
using Store.Engine;

namespace Store.Bench.Commands.Ann;

/// <summary>
/// Where the time of an HNSW query goes, layer by layer, on the same data and graph
/// parameters: the bare graph search (HnswGraph.Search on a graph built in memory), the
/// access layer (read transaction, catalog, shared graph cache, search), and the whole SQL
/// statement through a session. Each layer is timed after a warm-up, single-threaded, as the
/// median of several rounds taken in turns, together with the bytes it allocates per query.
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
        (string Name, Action<float[]> Search) graphLayer = ("graph search (in memory)", q => graph.Search(q, k, ef));
        if (arguments.Flag("graph-only"))
        {
            Report([graphLayer], queries, rounds);
            return 0;
        }

        using var database = Database.Open(Database.MemoryPath);
        using var session = database.OpenSession();
        VectorTable.Load(session, data);
        session.Execute($"CREATE INDEX vecs_hnsw ON vecs USING hnsw (emb) WITH (m = {m}, ef_construction = {efConstruction})").Dispose();
        session.Execute($"SET hnsw.ef_search = {ef}").Dispose();
        var statement = session.Prepare($"SELECT id FROM vecs ORDER BY emb <-> :q LIMIT {k}");
        Report(
        [
            graphLayer,
            ("access layer (transaction, catalog, cache)", q =>
            {
                using var txn = database.Pager.BeginRead();
                var catalog = new SystemCatalog(txn, database.State);
                catalog.OpenVectorIndex(catalog.VectorIndexesOf("vecs")[0]).Search(q, k, ef, null);
            }),
            ("SQL statement (prepared, through a session)", q => VectorTable.Ids(session, statement, q)),
        ], queries, rounds);
        return 0;
    }

    /// <summary>
    /// Times passes over all queries, the layers taking turns round by round so that a slow spell
    /// on these shared vCPUs falls on all of them alike, and reports each layer's median pass,
    /// with the bytes it allocates per query. The layer-0 graphs differ (one built in memory, one
    /// through CREATE INDEX and loaded from pages), so compare layers by their medians, not by
    /// single passes.
    /// </summary>
    private static void Report(IReadOnlyList<(string Name, Action<float[]> Search)> layers, float[][] queries, int rounds)
    {
        var passes = layers.Select(_ => new List<double>()).ToList();
        var allocated = new long[layers.Count];
        foreach (var (_, search) in layers)
        {
            Warmup.Run(queries, search);
        }

        for (var round = 0; round < rounds; round++)
        {
            for (var layer = 0; layer < layers.Count; layer++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var clock = System.Diagnostics.Stopwatch.StartNew();
                Array.ForEach(queries, layers[layer].Search);
                passes[layer].Add(clock.Elapsed.TotalMicroseconds / queries.Length);
                allocated[layer] += GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }

        for (var layer = 0; layer < layers.Count; layer++)
        {
            var perQuery = passes[layer].Order().ElementAt(rounds / 2);
            var bytes = allocated[layer] / ((double)rounds * queries.Length);
            Console.WriteLine($"{layers[layer].Name,-46} {1e6 / perQuery,9:F0} queries/s {perQuery,8:F1} us/query {bytes,8:F0} bytes/query");
        }
    }
}
