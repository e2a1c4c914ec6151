using Store.Core.Errors;
using Store.Core.Values;
using Store.Core.Vectors;

namespace Store.Sql.Values;

/// <summary>
/// The distance functions over SQL values, on the SIMD kernels. A NULL operand gives NULL, and
/// so does a zero vector under cosine, whose distance is undefined: nearest-neighbour orderings
/// leave such rows out. Text operands are read as vector literals, so a query can compare a
/// column with <c>'[0.1, 0.2]'</c>. When either operand is SPARSE or a sparse literal
/// (<c>'{index:weight, ...}'</c>), both are read as sparse vectors and compared by merging
/// their index lists, under the same three metrics as pgvector's sparsevec.
/// </summary>
internal static class VectorDistances
{
    public static DbValue Compute(VectorMetric metric, DbValue a, DbValue b)
    {
        if (a.IsNull || b.IsNull)
        {
            return DbValue.Null;
        }

        var distance = IsSparse(a) || IsSparse(b)
            ? SparseDistance(metric, AsSparse(a), AsSparse(b))
            : Distance(metric, AsVector(a), AsVector(b));
        return double.IsNaN(distance) ? DbValue.Null : DbValue.FromReal(distance);
    }

    /// <summary>The distance between two sparse vectors, in double precision (their weights are float32, so no sum overflows); NaN under cosine with an empty or zero vector.</summary>
    public static double SparseDistance(VectorMetric metric, SparseVector x, SparseVector y) => metric switch
    {
        VectorMetric.L2 => Math.Sqrt(x.L2Squared(y)),
        VectorMetric.NegativeInnerProduct => 0.0 - x.Dot(y),
        _ => x.SquaredNorm() * y.SquaredNorm() is var norms and > 0 ? 1 - (x.Dot(y) / Math.Sqrt(norms)) : double.NaN,
    };

    /// <summary>
    /// The distance between two vectors of equal length; NaN when undefined (cosine with a zero
    /// vector). A result that is not finite is where float32 sums overflow, so only then are the
    /// operands held to <see cref="VectorBounds"/>: a typed error instead of a row ranked as
    /// Infinity, at no cost to the distances that stay finite.
    /// </summary>
    public static double Distance(VectorMetric metric, ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        var distance = metric switch
        {
            VectorMetric.L2 => Math.Sqrt(VectorDistance.L2Squared(x, y)),
            VectorMetric.NegativeInnerProduct => -VectorDistance.Dot(x, y),
            _ => VectorDistance.Cosine(x, y),
        };
        if (!double.IsFinite(distance))
        {
            VectorBounds.Check(x);
            VectorBounds.Check(y);
        }

        return distance;
    }

    /// <summary>A vector operand: a vector, or a text literal of one.</summary>
    public static float[] AsVector(DbValue value) => value.Kind switch
    {
        DbValueKind.Vector => value.AsVector,
        DbValueKind.Text => VectorLiteral.ParseDense(value.AsText),
        _ => throw StoreErrors.TypeMismatch($"expected a vector, found a {ColumnType.Describe(value)}"),
    };

    /// <summary>A nearest-neighbour query's vector, held to <see cref="VectorBounds"/> once per search: an index compares it in float32 too.</summary>
    public static float[] QueryVector(DbValue value)
    {
        var vector = AsVector(value);
        VectorBounds.Check(vector);
        return vector;
    }

    private static bool IsSparse(DbValue value) =>
        value.Kind == DbValueKind.Sparse || (value.Kind == DbValueKind.Text && value.AsText.AsSpan().TrimStart().StartsWith('{'));

    /// <summary>A sparse operand: a sparse vector, or a text literal of one.</summary>
    public static SparseVector AsSparse(DbValue value) => value.Kind switch
    {
        DbValueKind.Sparse => value.AsSparse,
        DbValueKind.Text => VectorLiteral.ParseSparse(value.AsText),
        _ => throw StoreErrors.TypeMismatch($"expected a sparse vector, found a {ColumnType.Describe(value)}"),
    };
}
