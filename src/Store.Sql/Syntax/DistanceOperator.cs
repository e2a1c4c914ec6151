using Store.Core.Vectors;

namespace Store.Sql.Syntax;

/// <summary>
/// A distance as SQL writes it: pgvector's operator, its function form, and the metric both
/// compute (smaller is nearer). <see cref="All"/> is the one table of them that evaluation,
/// the planner, EXPLAIN and the function registry read.
/// </summary>
internal sealed record DistanceOperator(BinaryOperator Operator, string Symbol, string Function, VectorMetric Metric)
{
    public static readonly IReadOnlyList<DistanceOperator> All =
    [
        new(BinaryOperator.L2Distance, "<->", "l2_distance", VectorMetric.L2),
        new(BinaryOperator.NegativeInnerProduct, "<#>", "negative_inner_product", VectorMetric.NegativeInnerProduct),
        new(BinaryOperator.CosineDistance, "<=>", "cosine_distance", VectorMetric.Cosine),
    ];

    /// <summary>The distance an operator computes, or null for an operator that is not a distance.</summary>
    public static DistanceOperator? Of(BinaryOperator op) => All.FirstOrDefault(d => d.Operator == op);

    public static DistanceOperator Of(VectorMetric metric) => All.First(d => d.Metric == metric);

    /// <summary>The distance a function computes (<c>l2_distance</c> and the like), or null.</summary>
    public static DistanceOperator? OfFunction(string name) => All.FirstOrDefault(d => string.Equals(d.Function, name, StringComparison.OrdinalIgnoreCase));
}
