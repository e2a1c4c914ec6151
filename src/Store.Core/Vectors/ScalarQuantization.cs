using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Store.Core.Errors;

namespace Store.Core.Vectors;

/// <summary>
/// One byte per dimension, scaled between a trained minimum and step per dimension (value =
/// minimum + step x code). Distances to a code are computed without decoding it: the fused
/// kernels widen 16 (or 8) code bytes at a time to floats in registers and multiply-add them
/// there, so a code costs one pass over its bytes and the query's floats.
/// </summary>
/// <remarks>
/// The kernels take the query already combined with the per-dimension constants, once per
/// query rather than once per code: for L2, (query - minimum), so that the distance is the sum
/// of (shifted[i] - step[i] x code[i])²; for inner products, query x step, so that the dot
/// product with the decoded vector is dot(query, minimum) plus the sum of weights[i] x code[i].
/// The byte-to-float widening is x86's (AVX-512 or AVX2); see <see cref="WidensInRegisters"/> for elsewhere.
/// </remarks>
public static class ScalarQuantization
{
    /// <summary>The longest code decoded into a stack buffer where the CPU cannot widen bytes in registers.</summary>
    private const int MaxDecodedLength = 4096;

    /// <summary>Writes minimum[i] + step[i] x codes[i] to <paramref name="decoded"/>: a code read back, the reference the fused kernels are tested and benchmarked against.</summary>
    public static void Decode(ReadOnlySpan<byte> codes, ReadOnlySpan<float> minimum, ReadOnlySpan<float> step, Span<float> decoded)
    {
        TensorPrimitives.ConvertTruncating(codes, decoded);
        TensorPrimitives.FusedMultiplyAdd(decoded, step, minimum, decoded);
    }

    /// <summary>The sum of (shifted[i] - step[i] x code[i])²: the squared L2 distance from a query to a code, given shifted = query - minimum.</summary>
    /// <exception cref="StoreException"><see cref="ErrorCode.InvalidArgument"/> when the lengths differ.</exception>
    public static float L2Squared(ReadOnlySpan<float> shifted, ReadOnlySpan<float> step, ReadOnlySpan<byte> code)
    {
        if (WidensInRegisters || code.Length > MaxDecodedLength)
        {
            return Sum<SquaredDifference>(shifted, step, code);
        }

        ThrowIfLengthsDiffer(shifted, step, code);
        Span<float> scaled = stackalloc float[code.Length];
        TensorPrimitives.ConvertTruncating(code, scaled);
        TensorPrimitives.Multiply(scaled, step, scaled);
        return VectorDistance.L2Squared(shifted, scaled);
    }

    /// <summary>The sum of weights[i] x code[i]: with weights = query x step, the inner product of the query with the decoded code, less dot(query, minimum).</summary>
    /// <exception cref="StoreException"><see cref="ErrorCode.InvalidArgument"/> when the lengths differ.</exception>
    public static float WeightedSum(ReadOnlySpan<float> weights, ReadOnlySpan<byte> code)
    {
        // The step is folded into the weights, so the kernel's step argument goes unread.
        if (WidensInRegisters || code.Length > MaxDecodedLength)
        {
            return Sum<WeightedCode>(weights, weights, code);
        }

        ThrowIfLengthsDiffer(weights, weights, code);
        Span<float> values = stackalloc float[code.Length];
        TensorPrimitives.ConvertTruncating(code, values);
        return VectorDistance.Dot(weights, values);
    }

    /// <summary>
    /// Whether the fused loop widens code bytes in vector registers (x86 with AVX2 or AVX-512).
    /// Elsewhere (Arm) the code is converted with TensorPrimitives' vectorized conversions into a
    /// buffer and compared with the SIMD float kernel, which beats the fused loop's scalar form.
    /// </summary>
    private static bool WidensInRegisters => Avx2.IsSupported;

    /// <summary>
    /// The one loop of both kernels: the term for each dimension, from the query-side float,
    /// the step and the widened code byte, summed in two accumulators of the widest vectors the
    /// CPU widens bytes into, then a scalar tail. The term is a struct type argument, so the
    /// JIT compiles a copy of the loop for each with the term inlined.
    /// </summary>
    private static float Sum<TTerm>(ReadOnlySpan<float> query, ReadOnlySpan<float> step, ReadOnlySpan<byte> code)
        where TTerm : struct, IFusedTerm
    {
        ThrowIfLengthsDiffer(query, step, code);
        ref var q = ref MemoryMarshal.GetReference(query);
        ref var s = ref MemoryMarshal.GetReference(step);
        ref var c = ref MemoryMarshal.GetReference(code);
        var n = (nuint)code.Length;
        nuint i = 0;
        var sum = 0f;
        if (Avx512F.IsSupported)
        {
            Vector512<float> s0 = default, s1 = default;
            for (; i + 32 <= n; i += 32)
            {
                s0 = TTerm.Add(s0, Vector512.LoadUnsafe(ref q, i), Vector512.LoadUnsafe(ref s, i), Widen16(ref c, i));
                s1 = TTerm.Add(s1, Vector512.LoadUnsafe(ref q, i + 16), Vector512.LoadUnsafe(ref s, i + 16), Widen16(ref c, i + 16));
            }

            for (; i + 16 <= n; i += 16)
            {
                s0 = TTerm.Add(s0, Vector512.LoadUnsafe(ref q, i), Vector512.LoadUnsafe(ref s, i), Widen16(ref c, i));
            }

            sum = Vector512.Sum(s0 + s1);
        }
        else if (Avx2.IsSupported)
        {
            Vector256<float> s0 = default, s1 = default;
            for (; i + 16 <= n; i += 16)
            {
                s0 = TTerm.Add(s0, Vector256.LoadUnsafe(ref q, i), Vector256.LoadUnsafe(ref s, i), Widen8(ref c, i));
                s1 = TTerm.Add(s1, Vector256.LoadUnsafe(ref q, i + 8), Vector256.LoadUnsafe(ref s, i + 8), Widen8(ref c, i + 8));
            }

            sum = Vector256.Sum(s0 + s1);
        }

        for (; i < n; i++)
        {
            sum = TTerm.Add(sum, Unsafe.Add(ref q, i), Unsafe.Add(ref s, i), Unsafe.Add(ref c, i));
        }

        return sum;
    }

    /// <summary>16 code bytes from <paramref name="i"/> as floats (zero-extended to ints, then converted).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Widen16(ref byte code, nuint i) =>
        Avx512F.ConvertToVector512Single(Avx512F.ConvertToVector512Int32(Vector128.LoadUnsafe(ref code, i)));

    /// <summary>8 code bytes from <paramref name="i"/> as floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Widen8(ref byte code, nuint i) =>
        Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref code, i))).AsByte()));

    private static void ThrowIfLengthsDiffer(ReadOnlySpan<float> query, ReadOnlySpan<float> step, ReadOnlySpan<byte> code)
    {
        if (query.Length != code.Length || step.Length != code.Length)
        {
            throw StoreErrors.InvalidArgument($"a code of {code.Length} bytes does not match a query of {query.Length} dimensions");
        }
    }

    /// <summary>What one dimension adds to a fused kernel's sum.</summary>
    private interface IFusedTerm
    {
        static abstract Vector512<float> Add(Vector512<float> sum, Vector512<float> query, Vector512<float> step, Vector512<float> code);

        static abstract Vector256<float> Add(Vector256<float> sum, Vector256<float> query, Vector256<float> step, Vector256<float> code);

        static abstract float Add(float sum, float query, float step, float code);
    }

    /// <summary>(shifted - step x code)².</summary>
    private readonly struct SquaredDifference : IFusedTerm
    {
        public static Vector512<float> Add(Vector512<float> sum, Vector512<float> query, Vector512<float> step, Vector512<float> code)
        {
            var d = query - (step * code);
            return Vector512.MultiplyAddEstimate(d, d, sum);
        }

        public static Vector256<float> Add(Vector256<float> sum, Vector256<float> query, Vector256<float> step, Vector256<float> code)
        {
            var d = query - (step * code);
            return Vector256.MultiplyAddEstimate(d, d, sum);
        }

        public static float Add(float sum, float query, float step, float code)
        {
            var d = query - (step * code);
            return sum + (d * d);
        }
    }

    /// <summary>weight x code (the step is folded into the weight).</summary>
    private readonly struct WeightedCode : IFusedTerm
    {
        public static Vector512<float> Add(Vector512<float> sum, Vector512<float> query, Vector512<float> step, Vector512<float> code) =>
            Vector512.MultiplyAddEstimate(query, code, sum);

        public static Vector256<float> Add(Vector256<float> sum, Vector256<float> query, Vector256<float> step, Vector256<float> code) =>
            Vector256.MultiplyAddEstimate(query, code, sum);

        public static float Add(float sum, float query, float step, float code) => sum + (query * code);
    }
}
