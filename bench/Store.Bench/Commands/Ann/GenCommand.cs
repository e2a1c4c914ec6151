using System.Diagnostics;

namespace Store.Bench.Commands.Ann;

/// <summary>
/// <c>gen</c>: writes a data set for the <c>ann</c> bench: DIR/base.fvecs, DIR/queries.fvecs
/// and, unless <c>--no-gt</c>, DIR/gt.ivecs with each query's exact 100 nearest base vectors
/// under <c>--metric</c> (computed once here, so repeated <c>ann</c> runs need not recompute
/// it). The vectors are seeded synthetic ones, or with <c>--kind text --data FILE</c> real
/// embeddings of passages (the queries being the passages after the base ones).
/// </summary>
internal static class GenCommand
{
    private const int GroundTruthDepth = 100;

    public static int Run(BenchArguments arguments)
    {
        var kind = arguments.String("kind") ?? "clustered";
        if (kind is not ("clustered" or "normalised" or "text"))
        {
            throw new ArgumentException($"unknown --kind '{kind}' (clustered, normalised or text)");
        }

        var count = arguments.Int("count", 100_000);
        var dimensions = arguments.Int("dim", 128);
        var queryCount = arguments.Int("queries", 1000);
        var clusters = Math.Min(arguments.Int("clusters", 1000), count);
        var metric = BenchMetric.Parse(arguments.String("metric") ?? "l2");
        var output = arguments.String("out") ?? throw new ArgumentException("gen needs --out DIR");
        Directory.CreateDirectory(output);

        var clock = Stopwatch.StartNew();
        float[][] vectors, queries;
        if (kind == "text")
        {
            var passages = EmbeddedPassages.Encode(arguments.String("data") ?? throw new ArgumentException("gen --kind text needs --data FILE"), count + queryCount, arguments.String("model") ?? "arctic");
            (vectors, queries) = (passages[..count], passages[count..]);
        }
        else
        {
            var data = new SyntheticData(clusters, dimensions, arguments.Int("seed", 7));
            (vectors, queries) = (data.Draw(count, kind == "normalised"), data.Draw(queryCount, kind == "normalised"));
        }

        VectorFiles.WriteVectors(Path.Combine(output, "base.fvecs"), vectors);
        VectorFiles.WriteVectors(Path.Combine(output, "queries.fvecs"), queries);
        Console.WriteLine($"{kind}: {vectors.Length:N0} base and {queries.Length:N0} query vectors x {vectors[0].Length} in {clock.Elapsed.TotalSeconds:F1} s");

        if (!arguments.Flag("no-gt"))
        {
            clock.Restart();
            var truth = ExactSearch.NearestOfEach(vectors, queries, Math.Min(GroundTruthDepth, count), metric);
            VectorFiles.WriteNeighbours(Path.Combine(output, "gt.ivecs"), truth);
            Console.WriteLine($"exact top-{GroundTruthDepth} ({metric.Name}) of each query in {clock.Elapsed.TotalSeconds:F1} s");
        }

        Console.WriteLine($"wrote {Path.GetFullPath(output)}");
        return 0;
    }
}
