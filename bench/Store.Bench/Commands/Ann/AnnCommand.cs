using System.Diagnostics;

namespace Store.Bench.Commands.Ann;

/// <summary>
/// <c>ann</c>: approximate nearest-neighbour search through SQL, a vector index (hnsw, ivf
/// with flat, sq8 or pq lists) or the exact scan (flat), swept over its search parameter and
/// scored on recall@k, single- and all-thread throughput, latency, build time, index size and
/// memory; with <c>--peers</c>, hnswlib and faiss on the same files and parameters in the
/// same run. Data: .fvecs or .npy files, e.g. from <c>gen</c>.
/// </summary>
internal static class AnnCommand
{
    public static int Run(BenchArguments arguments)
    {
        var parsed = AnnOptions.Parse(arguments);
        var clock = Stopwatch.StartNew();
        var vectors = VectorFiles.ReadVectors(parsed.BasePath);
        var queries = VectorFiles.ReadVectors(parsed.QueriesPath);
        if (vectors.Length == 0 || queries.Length == 0 || queries[0].Length != vectors[0].Length)
        {
            throw new ArgumentException($"need base and query vectors of one dimension ({vectors.Length} base, {queries.Length} queries)");
        }

        queries = [.. queries.Take(parsed.QueriesLimit ?? queries.Length)];
        var options = parsed.ForBaseOf(vectors.Length);
        Console.WriteLine($"read {vectors.Length:N0} base and {queries.Length:N0} query vectors x {vectors[0].Length} in {clock.Elapsed.TotalSeconds:F1} s; "
            + $"{options.Index}, metric {options.Metric.Name}, k = {options.K}, {Environment.ProcessorCount} cores");

        var truth = GroundTruth(options, vectors, queries);
        var results = new List<AnnResult>(StoreAnnRunner.Run(options, vectors, queries, truth));
        if (options.Peers)
        {
            results.AddRange(PeerRunner.Run(options, vectors, queries, truth));
        }

        AnnReport.Print(results, options.K);
        if (options.JsonPath is { } json)
        {
            AnnReport.WriteJson(json, results);
        }

        return 0;
    }

    /// <summary>Each query's true nearest neighbours: from --gt when given, else computed exactly on every core.</summary>
    private static int[][] GroundTruth(AnnOptions options, float[][] vectors, float[][] queries)
    {
        if (options.GroundTruthPath is { } path)
        {
            var given = VectorFiles.ReadNeighbours(path);
            if (given.Length < queries.Length || given.Take(queries.Length).Any(row => row.Length < options.K))
            {
                throw new ArgumentException($"{path} has {given.Length} rows of {given.FirstOrDefault()?.Length ?? 0} neighbours; need {queries.Length} of at least {options.K}");
            }

            return given[..queries.Length];
        }

        var clock = Stopwatch.StartNew();
        var exact = ExactSearch.NearestOfEach(vectors, queries, options.K, options.Metric);
        Console.WriteLine($"computed the exact top-{options.K} ({options.Metric.Name}) of each query in {clock.Elapsed.TotalSeconds:F1} s");
        return exact;
    }
}
