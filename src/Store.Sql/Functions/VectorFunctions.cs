using Store.Core.Values;
using Store.Core.Vectors;
using Store.Sql.Syntax;
using Store.Sql.Values;

namespace Store.Sql.Functions;

/// <summary>pgvector's function forms of the distance operators, and vector helpers.</summary>
internal static class VectorFunctions
{
    public static IEnumerable<ScalarFunction> All() =>
    [
        .. DistanceOperator.All.Select(d => new ScalarFunction(d.Function, 2, 2, a => VectorDistances.Compute(d.Metric, a[0], a[1])) { NullPropagating = false }),
        new("inner_product", 2, 2, a => VectorDistances.Compute(VectorMetric.NegativeInnerProduct, a[0], a[1]) is { IsNull: false } d ? DbValue.FromReal(-d.AsReal) : DbValue.Null)
        {
            NullPropagating = false,
        },
        new("vector_dims", 1, 1, a => DbValue.FromInteger(VectorDistances.AsVector(a[0]).Length)),
        new("vector_norm", 1, 1, a => DbValue.FromReal(Math.Sqrt(Store.Core.Vectors.VectorDistance.Dot(VectorDistances.AsVector(a[0]), VectorDistances.AsVector(a[0]))))),
    ];
}
