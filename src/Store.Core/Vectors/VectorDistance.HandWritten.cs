using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Store.Core.Vectors;

public static partial class VectorDistance
{
    /// <summary>
    /// The kernels written directly against <see cref="Vector512"/> and <see cref="Vector256"/>:
    /// several independent accumulators so that consecutive multiply-adds do not wait on each
    /// other's latency, the widest accelerated vector width, then a scalar tail. Kept beside
    /// <see cref="Tensors"/> so that <c>DistanceBenchmarks</c> and the tests can rerun the
    /// comparison that picked the public kernels.
    /// </summary>
    /// <remarks>
    /// Loads use <c>LoadUnsafe</c>, which skips bounds checks: every offset is below
    /// <c>a.Length</c>, which equals <c>b.Length</c> once <see cref="ThrowIfLengthsDiffer"/> has
    /// passed. <c>MultiplyAddEstimate</c> rather than <c>FusedMultiplyAdd</c> because it compiles
    /// to an FMA instruction where there is one and to a multiply and an add where there is not,
    /// whereas <c>FusedMultiplyAdd</c> falls back to a slow exact emulation.
    /// </remarks>
    internal static class HandWritten
    {
        public static float L2Squared(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
        {
            ThrowIfLengthsDiffer(a, b);
            ref var x = ref MemoryMarshal.GetReference(a);
            ref var y = ref MemoryMarshal.GetReference(b);
            var n = (nuint)a.Length;
            nuint i = 0;
            var sum = 0f;

            if (Vector512.IsHardwareAccelerated && n >= (nuint)Vector512<float>.Count)
            {
                var w = (nuint)Vector512<float>.Count;
                Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default;
                for (; i + (4 * w) <= n; i += 4 * w)
                {
                    var d0 = Vector512.LoadUnsafe(ref x, i) - Vector512.LoadUnsafe(ref y, i);
                    var d1 = Vector512.LoadUnsafe(ref x, i + w) - Vector512.LoadUnsafe(ref y, i + w);
                    var d2 = Vector512.LoadUnsafe(ref x, i + (2 * w)) - Vector512.LoadUnsafe(ref y, i + (2 * w));
                    var d3 = Vector512.LoadUnsafe(ref x, i + (3 * w)) - Vector512.LoadUnsafe(ref y, i + (3 * w));
                    s0 = Vector512.MultiplyAddEstimate(d0, d0, s0);
                    s1 = Vector512.MultiplyAddEstimate(d1, d1, s1);
                    s2 = Vector512.MultiplyAddEstimate(d2, d2, s2);
                    s3 = Vector512.MultiplyAddEstimate(d3, d3, s3);
                }

                for (; i + w <= n; i += w)
                {
                    var d = Vector512.LoadUnsafe(ref x, i) - Vector512.LoadUnsafe(ref y, i);
                    s0 = Vector512.MultiplyAddEstimate(d, d, s0);
                }

                sum = Vector512.Sum((s0 + s1) + (s2 + s3));
            }
            else if (Vector256.IsHardwareAccelerated && n >= (nuint)Vector256<float>.Count)
            {
                var w = (nuint)Vector256<float>.Count;
                Vector256<float> s0 = default, s1 = default, s2 = default, s3 = default;
                for (; i + (4 * w) <= n; i += 4 * w)
                {
                    var d0 = Vector256.LoadUnsafe(ref x, i) - Vector256.LoadUnsafe(ref y, i);
                    var d1 = Vector256.LoadUnsafe(ref x, i + w) - Vector256.LoadUnsafe(ref y, i + w);
                    var d2 = Vector256.LoadUnsafe(ref x, i + (2 * w)) - Vector256.LoadUnsafe(ref y, i + (2 * w));
                    var d3 = Vector256.LoadUnsafe(ref x, i + (3 * w)) - Vector256.LoadUnsafe(ref y, i + (3 * w));
                    s0 = Vector256.MultiplyAddEstimate(d0, d0, s0);
                    s1 = Vector256.MultiplyAddEstimate(d1, d1, s1);
                    s2 = Vector256.MultiplyAddEstimate(d2, d2, s2);
                    s3 = Vector256.MultiplyAddEstimate(d3, d3, s3);
                }

                for (; i + w <= n; i += w)
                {
                    var d = Vector256.LoadUnsafe(ref x, i) - Vector256.LoadUnsafe(ref y, i);
                    s0 = Vector256.MultiplyAddEstimate(d, d, s0);
                }

                sum = Vector256.Sum((s0 + s1) + (s2 + s3));
            }

            for (; i < n; i++)
            {
                var d = a[(int)i] - b[(int)i];
                sum += d * d;
            }

            return sum;
        }

        public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
        {
            ThrowIfLengthsDiffer(a, b);
            ref var x = ref MemoryMarshal.GetReference(a);
            ref var y = ref MemoryMarshal.GetReference(b);
            var n = (nuint)a.Length;
            nuint i = 0;
            var sum = 0f;

            if (Vector512.IsHardwareAccelerated && n >= (nuint)Vector512<float>.Count)
            {
                var w = (nuint)Vector512<float>.Count;
                Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default;
                for (; i + (4 * w) <= n; i += 4 * w)
                {
                    s0 = Vector512.MultiplyAddEstimate(Vector512.LoadUnsafe(ref x, i), Vector512.LoadUnsafe(ref y, i), s0);
                    s1 = Vector512.MultiplyAddEstimate(Vector512.LoadUnsafe(ref x, i + w), Vector512.LoadUnsafe(ref y, i + w), s1);
                    s2 = Vector512.MultiplyAddEstimate(Vector512.LoadUnsafe(ref x, i + (2 * w)), Vector512.LoadUnsafe(ref y, i + (2 * w)), s2);
                    s3 = Vector512.MultiplyAddEstimate(Vector512.LoadUnsafe(ref x, i + (3 * w)), Vector512.LoadUnsafe(ref y, i + (3 * w)), s3);
                }

                for (; i + w <= n; i += w)
                {
                    s0 = Vector512.MultiplyAddEstimate(Vector512.LoadUnsafe(ref x, i), Vector512.LoadUnsafe(ref y, i), s0);
                }

                sum = Vector512.Sum((s0 + s1) + (s2 + s3));
            }
            else if (Vector256.IsHardwareAccelerated && n >= (nuint)Vector256<float>.Count)
            {
                var w = (nuint)Vector256<float>.Count;
                Vector256<float> s0 = default, s1 = default, s2 = default, s3 = default;
                for (; i + (4 * w) <= n; i += 4 * w)
                {
                    s0 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref x, i), Vector256.LoadUnsafe(ref y, i), s0);
                    s1 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref x, i + w), Vector256.LoadUnsafe(ref y, i + w), s1);
                    s2 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref x, i + (2 * w)), Vector256.LoadUnsafe(ref y, i + (2 * w)), s2);
                    s3 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref x, i + (3 * w)), Vector256.LoadUnsafe(ref y, i + (3 * w)), s3);
                }

                for (; i + w <= n; i += w)
                {
                    s0 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref x, i), Vector256.LoadUnsafe(ref y, i), s0);
                }

                sum = Vector256.Sum((s0 + s1) + (s2 + s3));
            }

            for (; i < n; i++)
            {
                sum += a[(int)i] * b[(int)i];
            }

            return sum;
        }

        public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
        {
            ThrowIfLengthsDiffer(a, b);
            ref var x = ref MemoryMarshal.GetReference(a);
            ref var y = ref MemoryMarshal.GetReference(b);
            var n = (nuint)a.Length;
            nuint i = 0;
            float dot = 0f, normA = 0f, normB = 0f;

            // One pass for all three sums. Two accumulators per sum, not four: that already gives
            // six independent chains, and twelve would not fit AVX2's sixteen registers.
            if (Vector512.IsHardwareAccelerated && n >= (nuint)Vector512<float>.Count)
            {
                var w = (nuint)Vector512<float>.Count;
                Vector512<float> ab0 = default, ab1 = default, aa0 = default, aa1 = default, bb0 = default, bb1 = default;
                for (; i + (2 * w) <= n; i += 2 * w)
                {
                    var x0 = Vector512.LoadUnsafe(ref x, i);
                    var y0 = Vector512.LoadUnsafe(ref y, i);
                    var x1 = Vector512.LoadUnsafe(ref x, i + w);
                    var y1 = Vector512.LoadUnsafe(ref y, i + w);
                    ab0 = Vector512.MultiplyAddEstimate(x0, y0, ab0);
                    aa0 = Vector512.MultiplyAddEstimate(x0, x0, aa0);
                    bb0 = Vector512.MultiplyAddEstimate(y0, y0, bb0);
                    ab1 = Vector512.MultiplyAddEstimate(x1, y1, ab1);
                    aa1 = Vector512.MultiplyAddEstimate(x1, x1, aa1);
                    bb1 = Vector512.MultiplyAddEstimate(y1, y1, bb1);
                }

                for (; i + w <= n; i += w)
                {
                    var x0 = Vector512.LoadUnsafe(ref x, i);
                    var y0 = Vector512.LoadUnsafe(ref y, i);
                    ab0 = Vector512.MultiplyAddEstimate(x0, y0, ab0);
                    aa0 = Vector512.MultiplyAddEstimate(x0, x0, aa0);
                    bb0 = Vector512.MultiplyAddEstimate(y0, y0, bb0);
                }

                dot = Vector512.Sum(ab0 + ab1);
                normA = Vector512.Sum(aa0 + aa1);
                normB = Vector512.Sum(bb0 + bb1);
            }
            else if (Vector256.IsHardwareAccelerated && n >= (nuint)Vector256<float>.Count)
            {
                var w = (nuint)Vector256<float>.Count;
                Vector256<float> ab0 = default, ab1 = default, aa0 = default, aa1 = default, bb0 = default, bb1 = default;
                for (; i + (2 * w) <= n; i += 2 * w)
                {
                    var x0 = Vector256.LoadUnsafe(ref x, i);
                    var y0 = Vector256.LoadUnsafe(ref y, i);
                    var x1 = Vector256.LoadUnsafe(ref x, i + w);
                    var y1 = Vector256.LoadUnsafe(ref y, i + w);
                    ab0 = Vector256.MultiplyAddEstimate(x0, y0, ab0);
                    aa0 = Vector256.MultiplyAddEstimate(x0, x0, aa0);
                    bb0 = Vector256.MultiplyAddEstimate(y0, y0, bb0);
                    ab1 = Vector256.MultiplyAddEstimate(x1, y1, ab1);
                    aa1 = Vector256.MultiplyAddEstimate(x1, x1, aa1);
                    bb1 = Vector256.MultiplyAddEstimate(y1, y1, bb1);
                }

                for (; i + w <= n; i += w)
                {
                    var x0 = Vector256.LoadUnsafe(ref x, i);
                    var y0 = Vector256.LoadUnsafe(ref y, i);
                    ab0 = Vector256.MultiplyAddEstimate(x0, y0, ab0);
                    aa0 = Vector256.MultiplyAddEstimate(x0, x0, aa0);
                    bb0 = Vector256.MultiplyAddEstimate(y0, y0, bb0);
                }

                dot = Vector256.Sum(ab0 + ab1);
                normA = Vector256.Sum(aa0 + aa1);
                normB = Vector256.Sum(bb0 + bb1);
            }

            for (; i < n; i++)
            {
                dot += a[(int)i] * b[(int)i];
                normA += a[(int)i] * a[(int)i];
                normB += b[(int)i] * b[(int)i];
            }

            if (normA == 0 || normB == 0)
            {
                return float.NaN;
            }

            // The product of the norms is taken in double so it cannot overflow float.
            return DistanceFromSimilarity(dot / Math.Sqrt((double)normA * normB));
        }
    }
}
