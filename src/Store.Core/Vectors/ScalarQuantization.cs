using System.Numerics.Tensors;

namespace Store.Core.Vectors;

/// <summary>
/// One byte per dimension, scaled between a trained minimum and step per dimension (value =
/// minimum + step x code): decoding a code back to floats with vectorized conversions, so an
/// asymmetric distance is one decode and one SIMD distance kernel.
/// </summary>
public static class ScalarQuantization
{
    /// <summary>Writes minimum[i] + step[i] x codes[i] to <paramref name="decoded"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> codes, ReadOnlySpan<float> minimum, ReadOnlySpan<float> step, Span<float> decoded)
    {
        TensorPrimitives.ConvertTruncating(codes, decoded);
        TensorPrimitives.FusedMultiplyAdd(decoded, step, minimum, decoded);
    }
}
