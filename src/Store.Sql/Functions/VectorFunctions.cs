using Store.Core.Values;
using Store.Core.Vectors;
using Store.Sql.Values;

namespace Store.Sql.Functions;

/// <summary>pgvector's function forms of the distance operators, and vector helpers.</summary>
internal static class VectorFunctions
{
    /// <summary>The function names that compute a distance, smaller meaning nearer, with their metric.</summary>
    public static readonly IReadOnlyDictionary<string, VectorMetric> Distances = new Dictionary<string, VectorMetric>(StringComparer.OrdinalIgnoreCase)
    {
        ["l2_distance"] = VectorMetric.L2,
        ["cosine_distance"] = VectorMetric.Cosine,
        ["negative_inner_product"] = VectorMetric.NegativeInnerProduct,
    };

    public static IEnumerable<ScalarFunction> All() =>
    [
        .. Distances.Select(d => new ScalarFunction(d.Key, 2, 2, a => VectorDistances.Compute(d.Value, a[0], a[1])) { NullPropagating = false }),
        new("inner_product", 2, 2, a => VectorDistances.Compute(VectorMetric.NegativeInnerProduct, a[0], a[1]) is { IsNull: false } d ? DbValue.FromReal(-d.AsReal) : DbValue.Null)
        {
            NullPropagating = false,
        },
        new("vector_dims", 1, 1, a => DbValue.FromInteger(VectorDistances.AsVector(a[0]).Length)),
        new("vector_norm", 1, 1, a => DbValue.FromReal(Math.Sqrt(Store.Core.Vectors.VectorDistance.Dot(VectorDistances.AsVector(a[0]), VectorDistances.AsVector(a[0]))))),
        new("sparse_dot", 2, 2, a => DbValue.FromReal(VectorDistances.AsSparse(a[0]).Dot(VectorDistances.AsSparse(a[1])))),
    ];
}
