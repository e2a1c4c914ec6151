using Store.Core.Errors;

namespace Store.Core.Vectors;

/// <summary>
/// Float32 distance kernels used by exact search and index builds: squared Euclidean distance,
/// inner product and cosine distance.
/// </summary>
/// <remarks>
/// The public methods run the <see cref="HandWritten"/> kernels. <c>DistanceBenchmarks</c>
/// measured them against <see cref="Tensors"/> (bench/RESULTS.md, "Distance kernels"): about as
/// fast for L2 and dot at 384 and 768 dimensions, faster at 128, and several times faster for
/// cosine, where the JIT left TensorPrimitives' per-vector operator calls un-inlined.
/// </remarks>
public static partial class VectorDistance
{
    /// <summary>Squared Euclidean distance, the sum of (a[i] - b[i])².</summary>
    /// <exception cref="StoreException"><see cref="ErrorCode.InvalidArgument"/> when the lengths differ.</exception>
    public static float L2Squared(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => HandWritten.L2Squared(a, b);

    /// <summary>Inner product, the sum of a[i] * b[i].</summary>
    /// <exception cref="StoreException"><see cref="ErrorCode.InvalidArgument"/> when the lengths differ.</exception>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => HandWritten.Dot(a, b);

    /// <summary>
    /// Cosine distance, 1 - cos(a, b), in [0, 2]. The angle to a zero vector (including the
    /// empty vector) is undefined, so the result is <see cref="float.NaN"/>; callers exclude
    /// such rows, as pgvector does.
    /// </summary>
    /// <exception cref="StoreException"><see cref="ErrorCode.InvalidArgument"/> when the lengths differ.</exception>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => HandWritten.Cosine(a, b);

    private static void ThrowIfLengthsDiffer(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw StoreErrors.InvalidArgument($"vectors have different dimensions ({a.Length} and {b.Length})");
        }
    }

    // Rounding can push the similarity of (anti)parallel vectors just past ±1; clamping, as
    // pgvector does, keeps the distance inside [0, 2] instead of a hair below 0 or above 2.
    private static float DistanceFromSimilarity(double similarity) => (float)(1 - Math.Clamp(similarity, -1, 1));
}
