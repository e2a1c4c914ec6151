using Store.Core.Errors;
using Store.Core.Vectors;

namespace Store.Access.Vectors;

/// <summary>Vectors as vector indexes store and compare them.</summary>
internal static class IndexedVectors
{
    /// <summary>
    /// A copy of the vector, normalised to unit length under cosine (so cosine distance is
    /// 1 - dot); null for a vector with no defined distance (a zero vector under cosine),
    /// which is not indexed.
    /// </summary>
    public static float[]? Prepare(VectorMetric metric, int dimensions, ReadOnlySpan<float> vector)
    {
        if (vector.Length != dimensions)
        {
            throw StoreErrors.InvalidArgument($"the index holds vectors of {dimensions} dimensions, not {vector.Length}");
        }

        var copy = vector.ToArray();
        if (metric != VectorMetric.Cosine)
        {
            return copy;
        }

        var norm = MathF.Sqrt(VectorDistance.Dot(copy, copy));
        if (norm == 0 || !float.IsFinite(norm))
        {
            return null;
        }

        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] /= norm;
        }

        return copy;
    }

    /// <summary>The distance an index orders by: squared L2, negative inner product, or 1 - dot of unit vectors.</summary>
    public static float Distance(VectorMetric metric, ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        metric == VectorMetric.L2 ? VectorDistance.L2Squared(a, b) : DistanceFromDot(metric, VectorDistance.Dot(a, b));

    /// <summary>The distance an inner-product or cosine index orders by, from the dot product: -dot, or 1 - dot of unit vectors.</summary>
    public static float DistanceFromDot(VectorMetric metric, float dot) => metric == VectorMetric.NegativeInnerProduct ? -dot : 1 - dot;
}
