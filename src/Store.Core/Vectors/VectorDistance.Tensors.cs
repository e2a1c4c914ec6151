using System.Numerics.Tensors;

namespace Store.Core.Vectors;

public static partial class VectorDistance
{
    /// <summary>
    /// The kernels built on <see cref="TensorPrimitives"/>, which vectorizes for whatever the
    /// hardware offers. Kept beside <see cref="HandWritten"/> so that <c>DistanceBenchmarks</c>
    /// and the tests can rerun the comparison that picked the public kernels.
    /// </summary>
    internal static class Tensors
    {
        public static float L2Squared(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
        {
            ThrowIfLengthsDiffer(a, b);

            // TensorPrimitives has no squared distance; squaring Distance keeps it to one pass with
            // no scratch buffer, at the cost of a square root and about one ulp of rounding.
            // Distance rejects empty input, whose distance is simply 0.
            if (a.IsEmpty)
            {
                return 0;
            }

            var distance = TensorPrimitives.Distance(a, b);
            return distance * distance;
        }

        public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
        {
            ThrowIfLengthsDiffer(a, b);
            return TensorPrimitives.Dot(a, b);
        }

        public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
        {
            ThrowIfLengthsDiffer(a, b);

            // CosineSimilarity rejects empty input, but the empty vector is just the zero vector of
            // dimension 0. For a non-empty zero vector it divides 0 by 0 and so already yields NaN.
            return a.IsEmpty ? float.NaN : DistanceFromSimilarity(TensorPrimitives.CosineSimilarity(a, b));
        }
    }
}
