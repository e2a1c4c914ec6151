using System.Diagnostics;

namespace Store.Bench.Commands.Ann;

/// <summary>
/// <c>gen</c>: writes a seeded synthetic data set for the <c>ann</c> bench: DIR/base.fvecs,
/// DIR/queries.fvecs and, unless <c>--no-gt</c>, DIR/gt.ivecs with each query's exact 100
/// nearest base vectors under <c>--metric</c> (computed once here, so repeated <c>ann</c> runs
/// need not recompute it).
/// </summary>
internal static class GenCommand
{
    private const int GroundTruthDepth = 100;

    public static int Run(BenchArguments arguments)
    {
        var kind = arguments.String("kind") ?? "clustered";
        if (kind is not ("clustered" or "normalised"))
        {
            throw new ArgumentException($"unknown --kind '{kind}' (clustered or normalised)");
        }

        var count = arguments.Int("count", 100_000);
        var dimensions = arguments.Int("dim", 128);
        var queryCount = arguments.Int("queries", 1000);
        var clusters = Math.Min(arguments.Int("clusters", 1000), count);
        var metric = BenchMetric.Parse(arguments.String("metric") ?? "l2");
        var output = arguments.String("out") ?? throw new ArgumentException("gen needs --out DIR");
        Directory.CreateDirectory(output);

        var clock = Stopwatch.StartNew();
        var data = new SyntheticData(clusters, dimensions, arguments.Int("seed", 7));
        var vectors = data.Draw(count, kind == "normalised");
        var queries = data.Draw(queryCount, kind == "normalised");
        VectorFiles.WriteVectors(Path.Combine(output, "base.fvecs"), vectors);
        VectorFiles.WriteVectors(Path.Combine(output, "queries.fvecs"), queries);
        Console.WriteLine($"{kind}: {count:N0} base and {queryCount:N0} query vectors x {dimensions} around {clusters:N0} centres in {clock.Elapsed.TotalSeconds:F1} s");

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
