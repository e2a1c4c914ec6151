using Store.Core.Vectors;

namespace Store.Bench.Commands;

/// <summary>
/// A distance the vector benchmarks rank by: its name in SQL and on the command line
/// (<c>metric = 'l2'</c>), the ORDER BY operator that sorts by it, and the SIMD kernel of
/// Store.Core that computes it exactly. Smaller is nearer for all three.
/// </summary>
internal sealed class BenchMetric
{
    private BenchMetric(string name, string sqlOperator, Func<ReadOnlySpan<float>, ReadOnlySpan<float>, float> distance)
    {
        Name = name;
        SqlOperator = sqlOperator;
        Distance = distance;
    }

    public static BenchMetric L2 { get; } = new("l2", "<->", VectorDistance.L2Squared);

    /// <summary>Ranked by the negative inner product, as the <c>&lt;#&gt;</c> operator is, so that smaller is nearer.</summary>
    public static BenchMetric InnerProduct { get; } = new("ip", "<#>", (a, b) => -VectorDistance.Dot(a, b));

    public static BenchMetric Cosine { get; } = new("cosine", "<=>", VectorDistance.Cosine);

    public string Name { get; }

    public string SqlOperator { get; }

    public Func<ReadOnlySpan<float>, ReadOnlySpan<float>, float> Distance { get; }

    public static BenchMetric Parse(string name) => name switch
    {
        "l2" => L2,
        "ip" => InnerProduct,
        "cosine" => Cosine,
        _ => throw new ArgumentException($"unknown metric '{name}' (l2, ip or cosine)"),
    };
}
